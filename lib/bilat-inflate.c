/* bilat-inflate.c: deflate data decompressed, with ISA-L or zlib
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <zlib.h>
#ifdef HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "bilat-inflate-private.h"

struct _BilatInflater
{
  BilatInflateWrap    wrap;
  BilatInflateBackend backend;    /* ZLIB or ISAL */
  gboolean            ended;

  /* zlib */
  z_stream            z;
  gboolean            z_ready;
  guint32             crc;

#ifdef HAVE_ISAL
  /* ISA-L */
  struct inflate_state *isal;
#endif
};

static BilatInflateBackend chosen = BILAT_INFLATE_BACKEND_DEFAULT;

gboolean
_bilat_inflate_has_backend (BilatInflateBackend backend)
{
#ifdef HAVE_ISAL
  return TRUE;
#else
  return backend != BILAT_INFLATE_BACKEND_ISAL;
#endif
}

void
_bilat_inflate_set_backend (BilatInflateBackend backend)
{
  g_return_if_fail (_bilat_inflate_has_backend (backend));
  chosen = backend;
}

/* The backend the environment asks for: BILAT_INFLATE=zlib (or isal),
 * to compare the two (bench-import does); anything else, or ISA-L in a
 * build without it, is the default. Read once. */
static BilatInflateBackend
environment_backend (void)
{
  static gsize once = 0;
  static BilatInflateBackend backend = BILAT_INFLATE_BACKEND_DEFAULT;

  if (g_once_init_enter (&once))
    {
      const char *value = g_getenv ("BILAT_INFLATE");

      if (g_strcmp0 (value, "zlib") == 0)
        backend = BILAT_INFLATE_BACKEND_ZLIB;
      else if (g_strcmp0 (value, "isal") == 0 && _bilat_inflate_has_backend (BILAT_INFLATE_BACKEND_ISAL))
        backend = BILAT_INFLATE_BACKEND_ISAL;
      g_once_init_leave (&once, 1);
    }
  return backend;
}

static BilatInflateBackend
effective_backend (void)
{
  if (chosen != BILAT_INFLATE_BACKEND_DEFAULT)
    return chosen;
  if (environment_backend () != BILAT_INFLATE_BACKEND_DEFAULT)
    return environment_backend ();
#ifdef HAVE_ISAL
  return BILAT_INFLATE_BACKEND_ISAL;
#else
  return BILAT_INFLATE_BACKEND_ZLIB;
#endif
}

const char *
_bilat_inflate_backend_name (void)
{
  return effective_backend () == BILAT_INFLATE_BACKEND_ISAL ? "ISA-L" : "zlib";
}

BilatInflater *
_bilat_inflater_new (BilatInflateWrap wrap)
{
  BilatInflater *self = g_new0 (BilatInflater, 1);

  self->wrap = wrap;
  self->backend = effective_backend ();
#ifdef HAVE_ISAL
  if (self->backend == BILAT_INFLATE_BACKEND_ISAL)
    {
      self->isal = g_new (struct inflate_state, 1);
      _bilat_inflater_reset (self);
      return self;
    }
#endif
  if (inflateInit2 (&self->z, wrap == BILAT_INFLATE_GZIP ? 16 + MAX_WBITS : -MAX_WBITS) != Z_OK)
    {
      g_free (self);
      return NULL;
    }
  self->z_ready = TRUE;
  self->crc = (guint32) crc32 (0, NULL, 0);
  return self;
}

void
_bilat_inflater_free (BilatInflater *self)
{
  if (self == NULL)
    return;
  if (self->z_ready)
    inflateEnd (&self->z);
#ifdef HAVE_ISAL
  g_free (self->isal);
#endif
  g_free (self);
}

void
_bilat_inflater_reset (BilatInflater *self)
{
  self->ended = FALSE;
#ifdef HAVE_ISAL
  if (self->isal != NULL)
    {
      isal_inflate_init (self->isal);
      /* Gzip: the header parsed and the trailer's CRC-32 and size checked.
       * Raw: the CRC-32 of the output computed, no trailer read. */
      self->isal->crc_flag = self->wrap == BILAT_INFLATE_GZIP ? ISAL_GZIP : ISAL_GZIP_NO_HDR;
      return;
    }
#endif
  inflateReset (&self->z);
  self->crc = (guint32) crc32 (0, NULL, 0);
}

gsize
_bilat_inflater_take_unused (BilatInflater *self,
                             guint8         bytes[8])
{
#ifdef HAVE_ISAL
  if (self->isal != NULL && self->ended)
    {
      struct inflate_state *s = self->isal;
      /* ISA-L reads whole bytes ahead into a bit buffer, lowest bits
       * first; what the stream's last byte left over is padding. */
      guint whole = s->read_in_length > 0 ? (guint) s->read_in_length / 8 : 0;
      guint64 rest = s->read_in >> (s->read_in_length % 8);

      for (guint i = 0; i < whole; i++)
        bytes[i] = (guint8) (rest >> (8 * i));
      s->read_in_length %= 8;
      return whole;
    }
#endif
  /* zlib reads no byte past the end. */
  return 0;
}

guint32
_bilat_inflater_get_crc (BilatInflater *self)
{
#ifdef HAVE_ISAL
  if (self->isal != NULL)
    return self->isal->crc;
#endif
  return self->crc;
}

#ifdef HAVE_ISAL
static const char *
isal_message (int status)
{
  switch (status)
    {
    case ISAL_INVALID_BLOCK:
      return "invalid block type";
    case ISAL_INVALID_SYMBOL:
      return "invalid code";
    case ISAL_INVALID_LOOKBACK:
      return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER:
      return "incorrect header check";
    case ISAL_UNSUPPORTED_METHOD:
      return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM:
      return "incorrect data check";
    case ISAL_NEED_DICT:
      return "a preset dictionary is needed";
    default:
      return "invalid deflate data";
    }
}

static BilatInflateStatus
run_isal (BilatInflater  *self,
          const guint8  **in,
          gsize          *in_length,
          guint8         *out,
          gsize           out_size,
          gsize          *produced,
          const char    **message)
{
  struct inflate_state *s = self->isal;
  const guint8 *start = *in;
  const guint8 *end = *in + *in_length;
  int status;

  s->next_in = (guint8 *) start;
  s->avail_in = (guint32) MIN (*in_length, (gsize) G_MAXUINT32);
  s->next_out = out;
  s->avail_out = (guint32) MIN (out_size, (gsize) G_MAXUINT32);
  status = isal_inflate (s);
  /* On an error the state says nothing reliable of the input used. */
  if (status < 0)
    {
      *message = isal_message (status);
      return BILAT_INFLATE_ERROR;
    }
  /* At the end of a gzip member ISA-L gives back what it read ahead, so
   * the input may move back, up to 8 bytes, before @start: the caller
   * keeps those bytes there (see raw_fill() in bilat-import-input.c). */
  if (s->next_in < start - 8 || s->next_in > end || s->next_out < out || s->next_out > out + out_size)
    {
      *message = "invalid deflate data";
      return BILAT_INFLATE_ERROR;
    }
  *produced = (gsize) (s->next_out - out);
  *in = s->next_in;
  *in_length = (gsize) (end - s->next_in);
  if (s->block_state == ISAL_BLOCK_FINISH)
    {
      self->ended = TRUE;
      return BILAT_INFLATE_END;
    }
  return BILAT_INFLATE_OK;
}
#endif

static BilatInflateStatus
run_zlib (BilatInflater  *self,
          const guint8  **in,
          gsize          *in_length,
          guint8         *out,
          gsize           out_size,
          gsize          *produced,
          const char    **message)
{
  z_stream *z = &self->z;
  gsize in_size = MIN (*in_length, (gsize) G_MAXUINT);
  int status;

  z->next_in = (Bytef *) *in;
  z->avail_in = (uInt) in_size;
  z->next_out = out;
  z->avail_out = (uInt) MIN (out_size, (gsize) G_MAXUINT);
  status = inflate (z, Z_NO_FLUSH);
  *produced = (gsize) (z->next_out - out);
  *in += in_size - z->avail_in;
  *in_length -= in_size - z->avail_in;
  if (self->wrap == BILAT_INFLATE_RAW && *produced > 0)
    self->crc = (guint32) crc32 (self->crc, out, (uInt) *produced);
  if (status == Z_STREAM_END)
    {
      self->ended = TRUE;
      return BILAT_INFLATE_END;
    }
  if (status == Z_OK || status == Z_BUF_ERROR)
    return BILAT_INFLATE_OK;
  *message = z->msg != NULL ? z->msg : status == Z_NEED_DICT ? "a preset dictionary is needed"
                                                             : "invalid deflate data";
  return BILAT_INFLATE_ERROR;
}

BilatInflateStatus
_bilat_inflater_run (BilatInflater  *self,
                     const guint8  **in,
                     gsize          *in_length,
                     guint8         *out,
                     gsize           out_size,
                     gsize          *produced,
                     const char    **message)
{
  *produced = 0;
  if (self->ended)
    return BILAT_INFLATE_END;
#ifdef HAVE_ISAL
  if (self->isal != NULL)
    return run_isal (self, in, in_length, out, out_size, produced, message);
#endif
  return run_zlib (self, in, in_length, out, out_size, produced, message);
}
