/* bilat-json-reader.c: a strict, streaming JSON tokenizer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See bilat-json-reader-private.h for what it accepts. The grammar is a
 * small state machine over an explicit stack of one bit per open
 * container, so that depth costs no stack frames. Input comes in chunks
 * into one buffer; a token cut by the end of a chunk is scanned again
 * from its start once more bytes are in, the buffer growing (doubling)
 * only when one token is longer than it, so scanning stays linear.
 */

#include "bilat-json-reader-private.h"

#include <float.h>
#include <string.h>

/* What is read from a stream at a time: large enough that the read calls
 * cost nothing next to parsing, small next to any limit on memory. */
#define CHUNK_SIZE (256 * 1024)

typedef enum
{
  STATE_START,          /* before the document's value */
  STATE_VALUE,          /* after a ":" or a "," in an array */
  STATE_FIRST_ELEMENT,  /* after a "[" */
  STATE_FIRST_MEMBER,   /* after a "{" */
  STATE_MEMBER,         /* after a "," in an object */
  STATE_COLON,          /* after a member's name */
  STATE_AFTER_VALUE,    /* after a value, in a container or not */
  STATE_DONE,
} State;

/* Scanning a token either finishes, needs bytes that are not in yet, or
 * fails. */
typedef enum
{
  SCAN_OK,
  SCAN_MORE,
  SCAN_FAILED,
} Scan;

struct _BilatJsonReader
{
  GInputStream          *stream;
  GCancellable          *cancellable;
  char                  *buffer;        /* stream: owned; data: NULL */
  gsize                  capacity;

  const char            *start;         /* of the buffer or the data */
  const char            *p;             /* the next byte to scan */
  const char            *end;           /* the end of the bytes known UTF-8 */
  const char            *read_end;      /* the end of the bytes read */
  gboolean               eof;           /* nothing after read_end */
  guint64                offset;        /* of start within the text */
  gboolean               started;

  guint                  line;          /* at p */
  guint                  token_line;

  State                  state;
  guint                  depth;
  guint8                 is_object[_BILAT_JSON_READER_MAX_DEPTH / 8 + 1];

  _BilatJsonToken        token;
  GString               *text;          /* a string's decoded text */
  const char            *raw;           /* or the text as it is in the input */
  gsize                  raw_length;
  gboolean               clean;         /* it has no NUL and is UTF-8 */
  GString               *number;        /* a number as written */
  double                 value;         /* a double's, when exact */
  gboolean               exact;
  gint64                 integer;
  gboolean               overflow;
  gboolean               boolean;

  _BilatJsonReaderError  error_kind;
  char                  *error_message;
  guint                  error_line;
  GError                *io_error;
};

/* Errors */

G_GNUC_PRINTF (4, 5)
static void
fail (_BilatJsonReader      *self,
      _BilatJsonReaderError  kind,
      guint                  line,
      const char            *format,
      ...)
{
  va_list args;

  if (self->token == _BILAT_JSON_ERROR)
    return;

  va_start (args, format);
  self->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  self->error_kind = kind;
  self->error_line = line;
  self->token = _BILAT_JSON_ERROR;
}

static guint
line_at (_BilatJsonReader *self,
         const char       *where)
{
  guint line = self->line;

  for (const char *q = self->p; q < where; q++)
    {
      if (*q == '\n')
        line++;
    }

  return line;
}

static void
fail_encoding (_BilatJsonReader *self,
               const char       *bad)
{
  fail (self, _BILAT_JSON_READER_ENCODING, line_at (self, bad),
        "the text is not valid UTF-8 (at byte %" G_GUINT64_FORMAT ")",
        self->offset + (guint64) (bad - self->start));
}

/* Names a character a syntax error is about, as it would be quoted. */
static char *
describe_character (const char *at,
                    const char *end)
{
  gunichar c;

  if (at >= end)
    return g_strdup ("the end of the document");
  if ((guchar) *at < 0x20 || *at == 0x7f)
    return g_strdup_printf ("character U+%04X", (guint) (guchar) *at);

  c = g_utf8_get_char_validated (at, end - at);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("byte 0x%02x", (guint) (guchar) *at);

  return g_strdup_printf ("“%.*s”", (int) (g_utf8_next_char (at) - at), at);
}

static void
fail_unexpected (_BilatJsonReader *self,
                 const char       *at,
                 const char       *context)
{
  g_autofree char *what = describe_character (at, self->end);

  if (at < self->end && *at == '/')
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
          "unexpected “/”: comments are not JSON");
  else if (at < self->end && *at == '\'')
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
          "unexpected “'”: JSON strings are in double quotes");
  else
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "unexpected %s%s", what, context);
}

/* Bytes eight at a time. Only whether a word holds a byte of interest is
 * asked of these tests (the byte itself is then found one at a time), so
 * that they are exact without depending on the byte order. */

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
load_word (const char *at)
{
  guint64 word;

  memcpy (&word, at, sizeof word);
  return word;
}

/* Whether a byte of @word is below @n (at most 128). */
static inline gboolean
word_has_less (guint64 word,
               guint   n)
{
  return ((word - ONES * n) & ~word & HIGHS) != 0;
}

/* Whether a byte of @word is @c. */
static inline gboolean
word_has_byte (guint64 word,
               guchar  c)
{
  return word_has_less (word ^ (ONES * c), 1);
}

/* What g_utf8_validate_len() does, faster on the ASCII that datasets are
 * mostly made of: runs of ASCII without NUL are skipped a word at a
 * time, and each other character is left to GLib, so that what is
 * accepted, and where a failure is placed, is exactly GLib's. */
static gboolean
validate_utf8 (const char  *text,
               gsize        length,
               const char **valid_end)
{
  const char *q = text;
  const char *end = text + length;

  while (q < end)
    {
      const char *valid;
      gsize window;

      while (end - q >= 8)
        {
          guint64 word = load_word (q);

          if ((word & HIGHS) != 0 || word_has_less (word, 1))
            break;
          q += 8;
        }
      while (q < end && (guchar) *q < 0x80 && *q != '\0')
        q++;
      if (q == end)
        break;

      /* A NUL, or the first byte of a sequence of at most four. */
      window = MIN ((gsize) (end - q), 4);
      g_utf8_validate_len (q, window, &valid);
      if (valid == q)
        {
          *valid_end = q;
          return FALSE;
        }
      q = valid;
    }

  *valid_end = end;
  return TRUE;
}

/* Input */

/* A complete UTF-8 sequence may be cut by the end of a read: the start
 * of one, whose remaining bytes can still come. */
static gboolean
is_cut_sequence (const char *at,
                 const char *end)
{
  guchar lead = (guchar) at[0];
  gsize need;

  if (lead >= 0xc2 && lead <= 0xdf)
    need = 2;
  else if (lead >= 0xe0 && lead <= 0xef)
    need = 3;
  else if (lead >= 0xf0 && lead <= 0xf4)
    need = 4;
  else
    return FALSE;

  if ((gsize) (end - at) >= need)
    return FALSE;
  for (const char *q = at + 1; q < end; q++)
    {
      if (((guchar) *q & 0xc0) != 0x80)
        return FALSE;
    }

  return TRUE;
}

/* Moves the bytes from @keep on to the start of the buffer, so that the
 * rest of the buffer can be filled. */
static void
compact (_BilatJsonReader *self,
         const char       *keep)
{
  gsize shift = (gsize) (keep - self->start);

  if (shift == 0)
    return;

  memmove (self->buffer, keep, (gsize) (self->read_end - keep));
  self->offset += shift;
  self->p -= shift;
  self->end -= shift;
  self->read_end -= shift;
}

/* Reads more of the stream, keeping what is from @keep on, until there
 * are bytes known to be UTF-8 after self->end, or the stream ends, or it
 * fails. Returns FALSE when there is nothing more to scan (at the end,
 * or with an error set). Pointers into the buffer move: the caller scans
 * again from self->p. */
static gboolean
fill (_BilatJsonReader *self,
      const char       *keep)
{
  const char *old_end;

  if (self->stream == NULL || self->token == _BILAT_JSON_ERROR)
    return FALSE;

  compact (self, keep);
  old_end = self->end;

  while (self->end == old_end && !self->eof)
    {
      gsize used = (gsize) (self->read_end - self->start);
      const char *valid_end;
      gssize n;

      if (used == self->capacity)
        {
          gsize p = self->p - self->start, end = self->end - self->start;

          /* Full of one token (compact() kept only that). */
          if (self->capacity >= _BILAT_JSON_READER_MAX_TOKEN)
            {
              fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
                    "a value longer than %d MiB, more than a dataset may hold",
                    _BILAT_JSON_READER_MAX_TOKEN / (1024 * 1024));
              return FALSE;
            }

          self->capacity *= 2;
          self->buffer = g_realloc (self->buffer, self->capacity);
          self->start = self->buffer;
          self->p = self->start + p;
          self->end = self->start + end;
          self->read_end = self->start + used;
        }

      n = g_input_stream_read (self->stream, self->buffer + used, self->capacity - used,
                               self->cancellable, &self->io_error);
      if (n < 0)
        {
          fail (self, _BILAT_JSON_READER_IO, self->line, "%s", self->io_error->message);
          return FALSE;
        }
      if (n == 0)
        self->eof = TRUE;
      self->read_end += n;

      /* A byte-order mark is not JSON, but editors write it. */
      if (!self->started)
        {
          gsize have = (gsize) (self->read_end - self->start);

          if (have < 3 && !self->eof && memcmp (self->start, "\xEF\xBB\xBF", have) == 0)
            continue;
          self->started = TRUE;
          if (have >= 3 && memcmp (self->start, "\xEF\xBB\xBF", 3) == 0)
            {
              /* Offsets count from after the mark, as those of data in
               * memory do: this one wraps around, and back at once. */
              self->p += 3;
              self->end += 3;
              self->offset = (guint64) -3;
              old_end = self->end;
            }
        }

      if (validate_utf8 (self->end, (gsize) (self->read_end - self->end), &valid_end))
        self->end = self->read_end;
      else if (!self->eof && is_cut_sequence (valid_end, self->read_end))
        self->end = valid_end;
      else
        {
          fail_encoding (self, valid_end);
          return FALSE;
        }
    }

  return self->end > self->p;
}

_BilatJsonReader *
_bilat_json_reader_new_for_data (const char *data,
                                 gsize       length)
{
  _BilatJsonReader *self = g_new0 (_BilatJsonReader, 1);
  const char *valid_end;

  self->text = g_string_sized_new (256);
  self->number = g_string_sized_new (32);
  self->line = 1;
  self->token = _BILAT_JSON_NULL;
  self->started = TRUE;
  self->eof = TRUE;

  /* A byte-order mark is not JSON, but editors write it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  self->start = self->p = data;
  self->end = self->read_end = data + length;

  if (!validate_utf8 (data, length, &valid_end))
    fail_encoding (self, valid_end);

  return self;
}

_BilatJsonReader *
_bilat_json_reader_new_for_stream (GInputStream *stream,
                                   GCancellable *cancellable)
{
  _BilatJsonReader *self = g_new0 (_BilatJsonReader, 1);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->capacity = CHUNK_SIZE;
  self->buffer = g_malloc (self->capacity);
  self->start = self->p = self->end = self->read_end = self->buffer;
  self->text = g_string_sized_new (256);
  self->number = g_string_sized_new (32);
  self->line = 1;
  self->token = _BILAT_JSON_NULL;

  return self;
}

void
_bilat_json_reader_free (_BilatJsonReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->buffer);
  g_string_free (self->text, TRUE);
  g_string_free (self->number, TRUE);
  g_free (self->error_message);
  g_clear_error (&self->io_error);
  g_free (self);
}

/* Tokens */

/* The first byte from @p on that is not a space. Indentation comes in
 * runs of spaces, which are skipped a word at a time. */
static inline const char *
skip_spaces (const char *p,
             const char *end)
{
#if defined(__GNUC__)
  while (end - p >= 8)
    {
      guint64 others = load_word (p) ^ (ONES * ' ');

      if (others != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          return p + (__builtin_ctzll (others) >> 3);
#else
          return p + (__builtin_clzll (others) >> 3);
#endif
        }
      p += 8;
    }
#endif
  while (p < end && *p == ' ')
    p++;

  return p;
}

/* Skips white space; returns the next byte, or -1 at the end (or on an
 * error of the input). */
static int
peek (_BilatJsonReader *self)
{
  for (;;)
    {
      const char *p = self->p;
      const char *end = self->end;
      guint line = self->line;

      while (p < end)
        {
          char c = *p;

          if (c == ' ')
            p = skip_spaces (p + 1, end);
          else if (c == '\n')
            {
              line++;
              p = skip_spaces (p + 1, end);
            }
          else if (c == '\t' || c == '\r')
            p++;
          else
            {
              self->p = p;
              self->line = line;
              return (guchar) c;
            }
        }
      self->p = p;
      self->line = line;

      if (!fill (self, self->p))
        return -1;
    }
}

static gboolean
is_delimiter (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}';
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at @at, or -1. */
static int
read_hex4 (const char *at)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (at[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* A code point as UTF-8; a lone surrogate as the three bytes it would
 * have, which are not UTF-8, so that whoever uses the string sees it. */
static void
append_code_point (GString *out,
                   guint32  c)
{
  char bytes[4];
  gsize n;

  if (c < 0x80)
    {
      bytes[0] = (char) c;
      n = 1;
    }
  else if (c < 0x800)
    {
      bytes[0] = (char) (0xc0 | (c >> 6));
      bytes[1] = (char) (0x80 | (c & 0x3f));
      n = 2;
    }
  else if (c < 0x10000)
    {
      bytes[0] = (char) (0xe0 | (c >> 12));
      bytes[1] = (char) (0x80 | ((c >> 6) & 0x3f));
      bytes[2] = (char) (0x80 | (c & 0x3f));
      n = 3;
    }
  else
    {
      bytes[0] = (char) (0xf0 | (c >> 18));
      bytes[1] = (char) (0x80 | ((c >> 12) & 0x3f));
      bytes[2] = (char) (0x80 | ((c >> 6) & 0x3f));
      bytes[3] = (char) (0x80 | (c & 0x3f));
      n = 4;
    }

  g_string_append_len (out, bytes, (gssize) n);
}

/* The first byte from @q on that ends a run of a string's plain text: a
 * quote, a backslash or a control character (or @end). */
static inline const char *
skip_plain (const char *q,
            const char *end)
{
  while (end - q >= 8)
    {
      guint64 word = load_word (q);

      if (word_has_byte (word, '"') || word_has_byte (word, '\\') || word_has_less (word, 0x20))
        break;
      q += 8;
    }
  while (q < end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;

  return q;
}

/* The string at self->p (its opening quote), decoded into self->text. */
static Scan
scan_string (_BilatJsonReader *self)
{
  const char *q = self->p + 1;
  const char *end = self->end;

  self->clean = TRUE;

  /* Most strings have no escape: they are taken as they are in the
   * input, without a copy. */
  q = skip_plain (q, end);
  if (q < end && *q == '"')
    {
      self->raw = self->p + 1;
      self->raw_length = (gsize) (q - self->raw);
      self->p = q + 1;
      self->token = _BILAT_JSON_STRING;
      return SCAN_OK;
    }
  q = self->p + 1;
  self->raw = NULL;
  g_string_truncate (self->text, 0);

  for (;;)
    {
      const char *run = q;

      /* Most strings are plain text: copy it in one go. */
      q = skip_plain (q, end);
      if (q > run)
        g_string_append_len (self->text, run, q - run);

      if (q >= end)
        {
          if (self->eof)
            {
              fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "a string is not terminated");
              return SCAN_FAILED;
            }
          return SCAN_MORE;
        }

      if (*q == '"')
        break;

      if (*q != '\\')
        {
          fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
                "character U+%04X in a string must be written as an escape",
                (guint) (guchar) *q);
          return SCAN_FAILED;
        }

      if (end - q < 2)
        goto need_more;

      switch (q[1])
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (self->text, q[1]);
          q += 2;
          break;
        case 'b':
          g_string_append_c (self->text, '\b');
          q += 2;
          break;
        case 'f':
          g_string_append_c (self->text, '\f');
          q += 2;
          break;
        case 'n':
          g_string_append_c (self->text, '\n');
          q += 2;
          break;
        case 'r':
          g_string_append_c (self->text, '\r');
          q += 2;
          break;
        case 't':
          g_string_append_c (self->text, '\t');
          q += 2;
          break;
        case 'u':
          {
            int c, low = -1;

            if (end - q < 6)
              goto need_more;
            c = read_hex4 (q + 2);
            if (c < 0)
              {
                fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
                      "“\\u” in a string must be followed by four hexadecimal digits");
                return SCAN_FAILED;
              }
            q += 6;

            /* A pair of surrogates is one character. */
            if (c >= 0xd800 && c <= 0xdbff)
              {
                if (end - q < 6 && !self->eof)
                  goto need_more;
                if (end - q >= 6 && q[0] == '\\' && q[1] == 'u')
                  low = read_hex4 (q + 2);
                if (low >= 0xdc00 && low <= 0xdfff)
                  {
                    c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                    q += 6;
                  }
              }
            if (c == 0 || (c >= 0xd800 && c <= 0xdfff))
              self->clean = FALSE;
            append_code_point (self->text, (guint32) c);
          }
          break;
        default:
          {
            g_autofree char *what = describe_character (q + 1, end);

            fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
                  "“\\” in a string may not be followed by %s", what);
            return SCAN_FAILED;
          }
        }
    }

  self->p = q + 1;
  self->token = _BILAT_JSON_STRING;
  return SCAN_OK;

need_more:
  if (self->eof)
    {
      fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "a string is not terminated");
      return SCAN_FAILED;
    }
  return SCAN_MORE;
}

/* The value of the JSON number @text (up to @end) when double arithmetic
 * gives it exactly rounded: at most 19 digits whose value is below 2^53,
 * scaled by a power of ten up to 10^22, both exact as doubles, so that one
 * correctly rounded multiplication or division gives what strtod() would.
 * FALSE for other numbers, which strtod() reads. */
static gboolean
parse_exactly (const char *text,
               const char *end,
               double     *value)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *q = text;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  guint digits = 0;
  int exponent = 0;

  /* Only where a double operation is rounded once, to a double. */
#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
  return FALSE;
#endif

  if (*q == '-')
    {
      negative = TRUE;
      q++;
    }
  for (; q < end && g_ascii_isdigit (*q); q++, digits++)
    mantissa = mantissa * 10 + (guint64) (*q - '0');
  if (q < end && *q == '.')
    {
      for (q++; q < end && g_ascii_isdigit (*q); q++, digits++, exponent--)
        mantissa = mantissa * 10 + (guint64) (*q - '0');
    }
  /* More digits than a guint64 holds for sure: leave it to strtod(). */
  if (digits > 19)
    return FALSE;
  if (q < end && (*q == 'e' || *q == 'E'))
    {
      gboolean minus = FALSE;
      int given = 0;

      q++;
      if (*q == '+' || *q == '-')
        minus = *q++ == '-';
      for (; q < end; q++)
        {
          if (given > 1000)
            return FALSE;
          given = given * 10 + (*q - '0');
        }
      exponent += minus ? -given : given;
    }

  if (mantissa > (G_GUINT64_CONSTANT (1) << 53) || exponent < -22 || exponent > 22)
    return FALSE;

  *value = exponent >= 0 ? (double) mantissa * powers[exponent]
                         : (double) mantissa / powers[-exponent];
  if (negative)
    *value = -*value;
  return TRUE;
}

static Scan
scan_number (_BilatJsonReader *self)
{
  const char *q = self->p;
  const char *end = self->end;
  gboolean integral = TRUE;
  gboolean negative = FALSE;
  const char *digits = q;

#define NEED_BYTE() \
  G_STMT_START { if (q >= end) goto cut; } G_STMT_END

  if (*q == '-')
    {
      negative = TRUE;
      q++;
    }
  NEED_BYTE ();
  digits = q;
  if (*q == '0')
    q++;
  else if (*q >= '1' && *q <= '9')
    {
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }
  else
    goto bad;

  NEED_BYTE ();
  if (*q == '.')
    {
      integral = FALSE;
      q++;
      NEED_BYTE ();
      if (!g_ascii_isdigit (*q))
        goto bad;
      while (q < end && g_ascii_isdigit (*q))
        q++;
      NEED_BYTE ();
    }
  if (*q == 'e' || *q == 'E')
    {
      integral = FALSE;
      q++;
      NEED_BYTE ();
      if (*q == '+' || *q == '-')
        q++;
      NEED_BYTE ();
      if (!g_ascii_isdigit (*q))
        goto bad;
      while (q < end && g_ascii_isdigit (*q))
        q++;
      NEED_BYTE ();
    }
  if (!is_delimiter (*q))
    goto bad;

done:
#undef NEED_BYTE
  g_string_set_size (self->number, (gsize) (q - self->p));
  memcpy (self->number->str, self->p, (gsize) (q - self->p));

  if (integral)
    {
      /* Accumulated negative, so that G_MININT64 fits. */
      gint64 value = 0;

      self->overflow = FALSE;
      for (const char *d = digits; d < q; d++)
        {
          int digit = *d - '0';

          if (value < (G_MININT64 + digit) / 10)
            {
              self->overflow = TRUE;
              value = G_MININT64;
              break;
            }
          value = value * 10 - digit;
        }
      if (!negative)
        {
          if (value == G_MININT64)
            self->overflow = TRUE;
          value = self->overflow ? G_MAXINT64 : -value;
        }
      self->integer = value;
      self->token = _BILAT_JSON_INTEGER;
    }
  else
    {
      self->token = _BILAT_JSON_DOUBLE;
      self->exact = parse_exactly (self->p, q, &self->value);
    }

  self->p = q;
  return SCAN_OK;

cut:
  if (!self->eof)
    return SCAN_MORE;
  /* The document ends with the number: the caller finds it incomplete,
   * unless the number itself is. */
  if (q > self->p && g_ascii_isdigit (q[-1]))
    goto done;

bad:
  if (q >= end)
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "a number is cut short");
  else
    fail_unexpected (self, q, " in a number");
  return SCAN_FAILED;
}

static Scan
scan_literal (_BilatJsonReader *self)
{
  static const struct
  {
    const char      *text;
    gsize            length;
    _BilatJsonToken  token;
    gboolean         value;
  } literals[] = {
    { "true", 4, _BILAT_JSON_BOOLEAN, TRUE },
    { "false", 5, _BILAT_JSON_BOOLEAN, FALSE },
    { "null", 4, _BILAT_JSON_NULL, FALSE },
  };
  gsize have = (gsize) (self->end - self->p);

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = literals[i].length;

      if (*self->p != literals[i].text[0])
        continue;
      if (have <= length && !self->eof)
        return SCAN_MORE;
      if (have >= length && memcmp (self->p, literals[i].text, length) == 0 &&
          (have == length || is_delimiter (self->p[length])))
        {
          self->p += length;
          self->token = literals[i].token;
          self->boolean = literals[i].value;
          return SCAN_OK;
        }
    }

  fail_unexpected (self, self->p, "");
  return SCAN_FAILED;
}

static gboolean
push (_BilatJsonReader *self,
      gboolean          is_object)
{
  guint8 bit;

  if (self->depth >= _BILAT_JSON_READER_MAX_DEPTH)
    {
      fail (self, _BILAT_JSON_READER_DEPTH, self->line,
            "nested more than %d levels deep", _BILAT_JSON_READER_MAX_DEPTH);
      return FALSE;
    }

  bit = (guint8) (1u << (self->depth % 8));
  if (is_object)
    self->is_object[self->depth / 8] |= bit;
  else
    self->is_object[self->depth / 8] &= (guint8) ~bit;
  self->depth++;

  return TRUE;
}

static gboolean
in_object (_BilatJsonReader *self)
{
  guint top = self->depth - 1;

  return self->depth > 0 && (self->is_object[top / 8] & (1u << (top % 8))) != 0;
}

/* A value starting with @c at self->p. */
static void
scan_value (_BilatJsonReader *self,
            int               c)
{
  Scan scan;

  if (c == '{' || c == '[')
    {
      if (push (self, c == '{'))
        {
          self->p++;
          self->state = c == '{' ? STATE_FIRST_MEMBER : STATE_FIRST_ELEMENT;
          self->token = c == '{' ? _BILAT_JSON_BEGIN_OBJECT : _BILAT_JSON_BEGIN_ARRAY;
        }
      return;
    }

  do
    {
      if (c == '"')
        scan = scan_string (self);
      else if (c == '-' || (c >= '0' && c <= '9'))
        scan = scan_number (self);
      else if (c == 't' || c == 'f' || c == 'n')
        scan = scan_literal (self);
      else
        {
          fail_unexpected (self, self->p, "");
          return;
        }
    }
  while (scan == SCAN_MORE && fill (self, self->p));

  if (scan == SCAN_MORE)
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
  else if (scan == SCAN_OK)
    self->state = STATE_AFTER_VALUE;
}

static void
scan_member (_BilatJsonReader *self,
             int               c)
{
  Scan scan;

  if (c != '"')
    {
      if (c == '}')
        fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
              "unexpected “}”: a “,” may not come before it");
      else if (c < 0)
        fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
      else
        fail_unexpected (self, self->p, " where a member’s name was expected");
      return;
    }

  do
    scan = scan_string (self);
  while (scan == SCAN_MORE && fill (self, self->p));

  if (scan == SCAN_MORE)
    fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
  else if (scan == SCAN_OK)
    {
      self->token = _BILAT_JSON_MEMBER;
      self->state = STATE_COLON;
    }
}

static void
close_container (_BilatJsonReader *self,
                 int               c)
{
  gboolean object = in_object (self);

  if ((c == '}') != object)
    {
      fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "unexpected “%c”: “%c” was expected",
            c, object ? '}' : ']');
      return;
    }

  self->p++;
  self->depth--;
  self->state = STATE_AFTER_VALUE;
  self->token = object ? _BILAT_JSON_END_OBJECT : _BILAT_JSON_END_ARRAY;
}

_BilatJsonToken
_bilat_json_reader_next (_BilatJsonReader *self)
{
  if (self->token == _BILAT_JSON_ERROR || self->token == _BILAT_JSON_END)
    return self->token;

  for (;;)
    {
      int c = peek (self);

      if (self->token == _BILAT_JSON_ERROR)
        return self->token;
      self->token_line = self->line;

      switch (self->state)
        {
        case STATE_START:
          /* Blank lines are no place in an empty document. */
          if (c < 0)
            fail (self, _BILAT_JSON_READER_SYNTAX, 1, "the document is empty");
          else
            scan_value (self, c);
          return self->token;

        case STATE_FIRST_ELEMENT:
          if (c == ']')
            {
              close_container (self, c);
              return self->token;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_VALUE:
          if (c < 0)
            fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
          else if (c == ']' && self->state == STATE_VALUE && !in_object (self))
            fail (self, _BILAT_JSON_READER_SYNTAX, self->line,
                  "unexpected “]”: a “,” may not come before it");
          else
            scan_value (self, c);
          return self->token;

        case STATE_FIRST_MEMBER:
          if (c == '}')
            {
              close_container (self, c);
              return self->token;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_MEMBER:
          scan_member (self, c);
          return self->token;

        case STATE_COLON:
          if (c != ':')
            {
              if (c < 0)
                fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
              else
                fail_unexpected (self, self->p, " where “:” was expected");
              return self->token;
            }
          self->p++;
          self->state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
          if (self->depth == 0)
            {
              if (c >= 0)
                fail_unexpected (self, self->p, " after the document");
              else
                {
                  self->state = STATE_DONE;
                  self->token = _BILAT_JSON_END;
                }
              return self->token;
            }
          if (c == ',')
            {
              self->p++;
              self->state = in_object (self) ? STATE_MEMBER : STATE_VALUE;
              break;
            }
          if (c == '}' || c == ']')
            close_container (self, c);
          else if (c < 0)
            fail (self, _BILAT_JSON_READER_SYNTAX, self->line, "the document is cut short");
          else
            fail_unexpected (self, self->p, in_object (self) ? " where “,” or “}” was expected"
                                                             : " where “,” or “]” was expected");
          return self->token;

        case STATE_DONE:
        default:
          g_assert_not_reached ();
        }
    }
}

guint
_bilat_json_reader_skip_container (_BilatJsonReader *self)
{
  guint depth = self->depth;

  for (;;)
    {
      switch (_bilat_json_reader_next (self))
        {
        case _BILAT_JSON_ERROR:
        case _BILAT_JSON_END:
          return 0;
        case _BILAT_JSON_END_OBJECT:
        case _BILAT_JSON_END_ARRAY:
          if (self->depth < depth)
            return self->token_line;
          break;
        case _BILAT_JSON_BEGIN_OBJECT:
        case _BILAT_JSON_BEGIN_ARRAY:
        case _BILAT_JSON_MEMBER:
        case _BILAT_JSON_STRING:
        case _BILAT_JSON_INTEGER:
        case _BILAT_JSON_DOUBLE:
        case _BILAT_JSON_BOOLEAN:
        case _BILAT_JSON_NULL:
        default:
          break;
        }
    }
}

guint
_bilat_json_reader_get_line (_BilatJsonReader *self)
{
  return self->token_line;
}

guint
_bilat_json_reader_get_depth (_BilatJsonReader *self)
{
  return self->depth;
}

const char *
_bilat_json_reader_get_string (_BilatJsonReader *self,
                               gsize            *length)
{
  if (self->raw != NULL)
    {
      *length = self->raw_length;
      return self->raw;
    }

  *length = self->text->len;
  return self->text->str;
}

gboolean
_bilat_json_reader_string_is_clean (_BilatJsonReader *self)
{
  return self->clean;
}

gint64
_bilat_json_reader_get_integer (_BilatJsonReader *self,
                                gboolean         *overflow)
{
  if (overflow != NULL)
    *overflow = self->overflow;

  return self->integer;
}

double
_bilat_json_reader_get_double (_BilatJsonReader *self)
{
  if (self->token == _BILAT_JSON_INTEGER && !self->overflow)
    return (double) self->integer;
  if (self->token == _BILAT_JSON_DOUBLE && self->exact)
    return self->value;

  return g_ascii_strtod (self->number->str, NULL);
}

const char *
_bilat_json_reader_get_number_text (_BilatJsonReader *self)
{
  return self->number->str;
}

gboolean
_bilat_json_reader_get_boolean (_BilatJsonReader *self)
{
  return self->boolean;
}

_BilatJsonReaderError
_bilat_json_reader_get_error (_BilatJsonReader  *self,
                              const char       **message,
                              guint             *line,
                              const GError     **io_error)
{
  if (message != NULL)
    *message = self->error_message;
  if (line != NULL)
    *line = self->error_line;
  if (io_error != NULL)
    *io_error = self->io_error;

  return self->error_kind;
}
