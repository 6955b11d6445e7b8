/* bilat-json.c: the library's own JSON printer and writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json-glib's generator writes `"key" : value` and doubles with 17
 * significant digits (33.6 becomes 33.600000000000001). Datasets are meant
 * to be read and diffed by people, so they are printed here instead, in
 * the layout of the examples of docs/format.md.
 *
 * The layout lives in one place, the writer: it is told what comes, one
 * value at a time, and appends it to a GString that it may pass on to a
 * stream. A dataset is saved straight through it, without a tree; the
 * printer of a JsonNode is a walk of the tree into it.
 */

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-json-private.h"

/* Numbers */

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The decimal a number is printed from: its significant digits, the
 * first and last not 0 (unless the number is 0), and the power of ten of
 * the first, as in d.ddd × 10^exponent. */
typedef struct
{
  char digits[24];
  int  n_digits;
  int  exponent;
} Decimal;

static void
decimal_from_integer (Decimal *decimal,
                      guint64  integer,
                      int      decimals)
{
  char reversed[24];
  int n = 0;

  while (integer % 10 == 0)
    {
      integer /= 10;
      decimals--;
    }
  while (integer > 0)
    {
      reversed[n++] = (char) ('0' + integer % 10);
      integer /= 10;
    }
  for (int i = 0; i < n; i++)
    decimal->digits[i] = reversed[n - 1 - i];
  decimal->n_digits = n;
  decimal->exponent = n - 1 - decimals;
}

/* The common case, the double of a decimal of a few digits (a score, a
 * coordinate, a tone): for k = 0, 1, 2 … decimals, the integer N nearest
 * to magnitude × 10^k, and whether N / 10^k is magnitude again. N and 10^k
 * are exact doubles, so the division rounds once, correctly, as
 * g_ascii_strtod() does the text "Ne-k": it tells exactly whether that
 * text reads back. While magnitude × 10^k stays below 2^50, the numbers
 * that read back as magnitude span less than a quarter of 10^-k, so one
 * multiple of 10^-k at most is among them, and if one is, the nearest is:
 * the first k that reads back gives the digits of the first %.Pg that
 * does (at k = 0, with the zeros N ends with counted off). */
static gboolean
shortest_of_few_digits (double   magnitude,
                        Decimal *decimal)
{
#if FLT_EVAL_METHOD == 0
  for (int k = 0; k < (int) G_N_ELEMENTS (powers_of_ten); k++)
    {
      double scaled = magnitude * powers_of_ten[k];
      double nearest;

      if (scaled >= 0x1p50)
        return FALSE;

      nearest = nearbyint (scaled);
      if (nearest != 0 && nearest / powers_of_ten[k] == magnitude)
        {
          decimal_from_integer (decimal, (guint64) nearest, k);
          return TRUE;
        }
    }
#endif

  return FALSE;
}

/* The value of @n digits as a double, close enough to compare with the
 * half-gaps between doubles. With @complement, the value of 10^n minus
 * them. */
static double
digits_value (const char *digits,
              int         n,
              gboolean    complement)
{
  double value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (complement ? 9 - digits[i] : digits[i]);

  return complement ? value + 1 : value;
}

/* Any number: %.24e gives 25 digits, within 5 × 10^-10 of a gap between
 * doubles of the exact value. Rounding that text to P digits is rounding
 * the exact value, unless it sits on the half (then %.Pe is asked); the
 * distance of the rounded text to the number, in units of its last digit,
 * tells whether it reads back, unless it is within a hair of the half-gap
 * to the next double (then g_ascii_strtod() is asked). */
/* Writes "e-12", "e+05", "e+308", as printf does, at @p; returns the end. */
static char *
append_exponent (char *p,
                 int   exponent)
{
  *p++ = 'e';
  *p++ = exponent < 0 ? '-' : '+';
  exponent = ABS (exponent);
  if (exponent >= 100)
    *p++ = (char) ('0' + exponent / 100);
  *p++ = (char) ('0' + exponent / 10 % 10);
  *p++ = (char) ('0' + exponent % 10);

  return p;
}

/* Formats @magnitude with %.{n_digits - 1}e and reads back its digits, as
 * numbers 0 to 9, and the power of ten of the first. */
static int
format_digits (double  magnitude,
               int     n_digits,
               char   *digits)
{
  char format[8] = { '%', '.' };
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *f = format + 2;
  const char *p = text;

  if (n_digits > 10)
    *f++ = (char) ('0' + (n_digits - 1) / 10);
  *f++ = (char) ('0' + (n_digits - 1) % 10);
  *f++ = 'e';
  *f = '\0';
  g_ascii_formatd (text, sizeof text, format, magnitude);

  for (int n = 0; n < n_digits; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = (char) (*p - '0');

  return atoi (strchr (p, 'e') + 1);
}

/* Any number: %.24e gives 25 digits, within 5 × 10^-10 of a gap between
 * doubles of the exact value. Rounding that text to P digits is rounding
 * the exact value, unless it sits on the half (then %.{P-1}e is asked);
 * the distance of the rounded text to the number, in units of its last
 * digit, tells whether it reads back, unless it is within a hair of the
 * half-gap to the next double (then g_ascii_strtod() is asked). */
static void
shortest_of_any (double   magnitude,
                 Decimal *decimal)
{
  enum { N_DIGITS = 25 };
  char digits[N_DIGITS];
  int exponent, binary_exponent;
  double fraction, gap_above, gap_below;
  gboolean power_of_two;

  exponent = format_digits (magnitude, N_DIGITS, digits);

  /* The gaps to the next doubles, above and below, in units of the last
   * of the 25 digits: a gap is 2^-52 of a power of two, or 2^-1074 below
   * the normal numbers, and the gap below a power of two is half the gap
   * above it. */
  fraction = frexp (magnitude, &binary_exponent);
  gap_above = ldexp (1.0, MAX (binary_exponent - 53, -1074) - binary_exponent) / fraction *
              digits_value (digits, N_DIGITS, FALSE);
  power_of_two = fraction == 0.5 && binary_exponent - 54 >= -1074;
  gap_below = power_of_two ? gap_above / 2 : gap_above;

  for (int precision = 1; precision <= 17; precision++)
    {
      const char *tail = digits + precision;
      int n_tail = N_DIGITS - precision;
      gboolean on_half = FALSE, up = tail[0] > 5;
      char rounded[N_DIGITS];
      int n_rounded = precision, rounded_exponent = exponent;
      gboolean known = TRUE, reads_back = FALSE;

      if (tail[0] == 5)
        {
          on_half = TRUE;
          for (int i = 1; i < n_tail && on_half; i++)
            on_half = tail[i] == 0;
          up = !on_half;
        }

      if (on_half)
        {
          /* Only the exact value knows which way its half rounds. */
          rounded_exponent = format_digits (magnitude, precision, rounded);
          known = FALSE;
        }
      else
        {
          double distance = digits_value (tail, n_tail, up);
          double limit = (up ? gap_above : gap_below) / 2;
          /* The 25 digits are half a unit off at most, and doubles
           * compute the rest within a few parts in 10^16. */
          double margin = 1 + (distance + limit) * 1e-14;

          memcpy (rounded, digits, precision);
          if (up)
            {
              int i = precision - 1;

              while (i >= 0 && rounded[i] == 9)
                rounded[i--] = 0;
              if (i >= 0)
                rounded[i]++;
              else
                {
                  rounded[0] = 1;
                  rounded_exponent++;
                }
            }

          if (distance < limit - margin)
            reads_back = TRUE;
          else if (distance <= limit + margin)
            known = FALSE;
        }

      if (!known)
        {
          char candidate[G_ASCII_DTOSTR_BUF_SIZE];
          char *q = candidate;

          for (int i = 0; i < n_rounded; i++)
            *q++ = (char) ('0' + rounded[i]);
          *append_exponent (q, rounded_exponent - n_rounded + 1) = '\0';
          reads_back = g_ascii_strtod (candidate, NULL) == magnitude;
        }

      if (reads_back || precision == 17)
        {
          while (n_rounded > 1 && rounded[n_rounded - 1] == 0)
            n_rounded--;
          for (int i = 0; i < n_rounded; i++)
            decimal->digits[i] = (char) ('0' + rounded[i]);
          decimal->n_digits = n_rounded;
          decimal->exponent = rounded_exponent;
          return;
        }
    }
}

gsize
_bilat_json_format_double (char   buffer[_BILAT_JSON_DOUBLE_SIZE],
                           double value)
{
  Decimal decimal;
  char *p = buffer;
  int n, x;

  if (!isfinite (value))
    {
      /* JSON has no NaN or infinity; the writers never pass them. */
      strcpy (buffer, "null");
      return 4;
    }

  if (signbit (value))
    *p++ = '-';

  if (value == 0)
    decimal = (Decimal) { { '0' }, 1, 0 };
  else if (!shortest_of_few_digits (fabs (value), &decimal))
    shortest_of_any (fabs (value), &decimal);

  /* As %.Pg with P the number of digits would lay it out, and with ".0"
   * added where that looks like an integer, so that a double stays a
   * double when it is read back: 7 → 7.0 (but 100 → 1e+02). */
  n = decimal.n_digits;
  x = decimal.exponent;
  if (x < -4 || x >= n)
    {
      *p++ = decimal.digits[0];
      if (n > 1)
        {
          *p++ = '.';
          memcpy (p, decimal.digits + 1, n - 1);
          p += n - 1;
        }
      p = append_exponent (p, x);
    }
  else if (x >= 0)
    {
      memcpy (p, decimal.digits, x + 1);
      p += x + 1;
      *p++ = '.';
      if (n > x + 1)
        {
          memcpy (p, decimal.digits + x + 1, n - x - 1);
          p += n - x - 1;
        }
      else
        *p++ = '0';
    }
  else
    {
      *p++ = '0';
      *p++ = '.';
      for (int i = -1; i > x; i--)
        *p++ = '0';
      memcpy (p, decimal.digits, n);
      p += n;
    }
  *p = '\0';

  return p - buffer;
}

/* Text */

/* Makes room for @n more bytes at the end of @text and returns where they
 * go, for the caller to fill: the appends of GString go through its
 * general insertion, which was a large part of the cost of a save. */
static inline char *
extend (GString *text,
        gsize    n)
{
  gsize length = text->len;

  if (G_UNLIKELY (length + n >= text->allocated_len))
    g_string_set_size (text, length + n);
  else
    {
      text->len = length + n;
      text->str[length + n] = '\0';
    }

  return text->str + length;
}

static inline void
append (GString    *text,
        const char *bytes,
        gsize       n)
{
  memcpy (extend (text, n), bytes, n);
}

/* What each byte of a string is written as: 0 as itself, 'u' as \u00XX,
 * else as a backslash and this character. Bytes from 0x80 are UTF-8,
 * written as they are. (The nul ends the string before.) */
static const char escapes[256] = {
  'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
  'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
  0, 0, '"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\\', 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'u',
};

/* Whether any of the eight bytes of @word is one a string must escape:
 * below 0x20, '"', '\\' or 0x7f (each test is exact for a whole word,
 * as in "Bit Twiddling Hacks"). */
static inline gboolean
needs_escape (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 quote = word ^ (ones * '"');
  const guint64 backslash = word ^ (ones * '\\');
  const guint64 del = word ^ (ones * 0x7f);

  return ((((word - ones * 0x20) & ~word) |
           ((quote - ones) & ~quote) |
           ((backslash - ones) & ~backslash) |
           ((del - ones) & ~del)) & (ones * 0x80)) != 0;
}

static void
append_string (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *end = text + strlen (text);

  *extend (out, 1) = '"';
  while (run < end)
    {
      const char *p = run;
      guchar c;

      /* Most strings need no escape at all: eight bytes at a time. */
      for (guint64 word; end - p >= 8; p += 8)
        {
          memcpy (&word, p, sizeof word);
          if (needs_escape (word))
            break;
        }
      while (p < end && escapes[(guchar) *p] == 0)
        p++;
      append (out, run, p - run);
      if (p == end)
        break;

      c = (guchar) *p;
      if (escapes[c] == 'u')
        {
          static const char hex[] = "0123456789abcdef";
          char sequence[] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

          append (out, sequence, sizeof sequence);
        }
      else
        {
          char sequence[] = { '\\', escapes[c] };

          append (out, sequence, sizeof sequence);
        }
      run = p + 1;
    }
  *extend (out, 1) = '"';
}

/* The writer */

void
_bilat_json_writer_init (_BilatJsonWriter *writer,
                         GString          *text,
                         GOutputStream    *stream,
                         GCancellable     *cancellable)
{
  *writer = (_BilatJsonWriter) { 0 };
  writer->text = text;
  writer->stream = stream;
  writer->cancellable = cancellable;
}

/* A comma, then a new line and the indentation of @depth. */
static void
new_line (GString  *text,
          gboolean  comma,
          guint     depth)
{
  static const char line[] = ",\n                                ";
  const guint most = sizeof line - 3;   /* spaces */

  if (G_LIKELY (2 * depth <= most))
    append (text, line + !comma, 2 - !comma + 2 * depth);
  else
    {
      append (text, line + !comma, 2 - !comma + most);
      for (guint n = 2 * depth - most; n > 0; n -= MIN (n, most))
        append (text, line + 2, MIN (n, most));
    }
}

/* What comes before a value or a member's name: the comma, and a new
 * line or a space. */
static void
separate (_BilatJsonWriter *writer)
{
  guint n = writer->levels[writer->depth - 1].n_items++;

  if (writer->levels[writer->depth - 1].on_one_line)
    {
      if (n > 0)
        append (writer->text, ", ", 2);
    }
  else
    new_line (writer->text, n > 0, writer->depth);
}

static void
begin_value (_BilatJsonWriter *writer)
{
  if (writer->pending_member)
    writer->pending_member = FALSE;
  else if (writer->depth > 0)
    separate (writer);
}

static void
begin_container (_BilatJsonWriter *writer,
                 gboolean          is_array,
                 gboolean          scalars_only)
{
  guint depth = writer->depth;
  gboolean on_one_line;

  g_return_if_fail (depth < _BILAT_JSON_WRITER_MAX_DEPTH);

  begin_value (writer);

  /* An array of scalars goes on one line, and so does an object of
   * scalars in a list inside a record ({"actor": "PAK", "role": …}): such
   * small records read best one a line. What is inside a line stays on
   * it. */
  if (depth > 0 && writer->levels[depth - 1].on_one_line)
    on_one_line = TRUE;
  else if (is_array)
    on_one_line = scalars_only;
  else
    on_one_line = scalars_only && depth > 2 && writer->levels[depth - 1].is_array;

  writer->levels[depth].n_items = 0;
  writer->levels[depth].is_array = is_array;
  writer->levels[depth].on_one_line = on_one_line;
  writer->depth++;
  *extend (writer->text, 1) = is_array ? '[' : '{';
}

void
_bilat_json_writer_begin_object (_BilatJsonWriter *writer,
                                 gboolean          scalars_only)
{
  begin_container (writer, FALSE, scalars_only);
}

void
_bilat_json_writer_begin_array (_BilatJsonWriter *writer,
                                gboolean          scalars_only)
{
  begin_container (writer, TRUE, scalars_only);
}

/* Not every stream looks at the cancellable before it writes. */
static void
flush (_BilatJsonWriter *writer)
{
  if (writer->error == NULL &&
      !g_cancellable_set_error_if_cancelled (writer->cancellable, &writer->error))
    g_output_stream_write_all (writer->stream, writer->text->str, writer->text->len, NULL,
                               writer->cancellable, &writer->error);
  g_string_truncate (writer->text, 0);
}

void
_bilat_json_writer_end (_BilatJsonWriter *writer)
{
  guint depth;

  g_return_if_fail (writer->depth > 0);

  depth = --writer->depth;
  if (writer->levels[depth].n_items > 0 && !writer->levels[depth].on_one_line)
    new_line (writer->text, FALSE, depth);
  *extend (writer->text, 1) = writer->levels[depth].is_array ? ']' : '}';

  if (writer->stream != NULL && writer->text->len >= _BILAT_JSON_WRITER_CHUNK)
    flush (writer);
}

void
_bilat_json_writer_member (_BilatJsonWriter *writer,
                           const char       *name)
{
  g_return_if_fail (writer->depth > 0 && !writer->levels[writer->depth - 1].is_array);

  separate (writer);
  append_string (writer->text, name);
  append (writer->text, ": ", 2);
  writer->pending_member = TRUE;
}

void
_bilat_json_writer_string (_BilatJsonWriter *writer,
                           const char       *value)
{
  begin_value (writer);
  append_string (writer->text, value);
}

void
_bilat_json_writer_int (_BilatJsonWriter *writer,
                        gint64            value)
{
  char reversed[24];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  int n = 0;

  begin_value (writer);
  do
    {
      reversed[n++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    reversed[n++] = '-';
  for (char *p = extend (writer->text, n); n > 0; p++)
    *p = reversed[--n];
}

void
_bilat_json_writer_double (_BilatJsonWriter *writer,
                           double            value)
{
  char buffer[_BILAT_JSON_DOUBLE_SIZE];
  gsize length = _bilat_json_format_double (buffer, value);

  begin_value (writer);
  append (writer->text, buffer, length);
}

void
_bilat_json_writer_boolean (_BilatJsonWriter *writer,
                            gboolean          value)
{
  begin_value (writer);
  if (value)
    append (writer->text, "true", 4);
  else
    append (writer->text, "false", 5);
}

void
_bilat_json_writer_null (_BilatJsonWriter *writer)
{
  begin_value (writer);
  append (writer->text, "null", 4);
}

void
_bilat_json_writer_raw (_BilatJsonWriter *writer,
                        const char       *text)
{
  g_string_append (writer->text, text);
}

gboolean
_bilat_json_writer_failed (_BilatJsonWriter *writer)
{
  return writer->error != NULL;
}

gboolean
_bilat_json_writer_finish (_BilatJsonWriter  *writer,
                           GError           **error)
{
  if (writer->stream != NULL && writer->text->len > 0)
    flush (writer);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }

  return TRUE;
}

/* The printer */

static void print_node (_BilatJsonWriter *writer, JsonNode *node);

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
all_scalar_members (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_values (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_scalar (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
all_scalar_elements (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_scalar (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
print_value (_BilatJsonWriter *writer,
             JsonNode         *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      _bilat_json_writer_int (writer, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      _bilat_json_writer_double (writer, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      _bilat_json_writer_boolean (writer, json_node_get_boolean (node));
      break;
    case G_TYPE_STRING:
      _bilat_json_writer_string (writer, json_node_get_string (node));
      break;
    default:
      _bilat_json_writer_null (writer);
    }
}

static void
print_node (_BilatJsonWriter *writer,
            JsonNode         *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      _bilat_json_writer_begin_object (writer, all_scalar_members (object));
      for (GList *l = names; l != NULL; l = l->next)
        {
          _bilat_json_writer_member (writer, l->data);
          print_node (writer, json_object_get_member (object, l->data));
        }
      _bilat_json_writer_end (writer);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      _bilat_json_writer_begin_array (writer, all_scalar_elements (array));
      for (guint i = 0; i < n; i++)
        print_node (writer, json_array_get_element (array, i));
      _bilat_json_writer_end (writer);
    }
  else
    print_value (writer, node);
}

void
_bilat_json_print (GString  *out,
                   JsonNode *node)
{
  _BilatJsonWriter writer;

  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  _bilat_json_writer_init (&writer, out, NULL, NULL);
  print_node (&writer, node);
}
