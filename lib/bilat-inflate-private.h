/* bilat-inflate-private.h: deflate data decompressed, with ISA-L or zlib
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One interface over two libraries: ISA-L's igzip (2–4 times zlib's speed
 * on x86-64), when the library was built with it, and zlib otherwise.
 * Both are built in when ISA-L is found, so that tests can check that
 * both give the same bytes and the same errors.
 *
 * Two wrappings: gzip (a header, deflate data, CRC-32 and size checked by
 * the inflater) and raw deflate (zip members), whose CRC-32 the inflater
 * computes for the caller to check against the archive's.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BILAT_INFLATE_GZIP,    /* one gzip member: header, data, trailer */
  BILAT_INFLATE_RAW,     /* deflate data; the CRC-32 of the output is kept */
} BilatInflateWrap;

typedef enum
{
  BILAT_INFLATE_BACKEND_DEFAULT,  /* ISA-L where built in, else zlib */
  BILAT_INFLATE_BACKEND_ZLIB,
  BILAT_INFLATE_BACKEND_ISAL,
} BilatInflateBackend;

typedef enum
{
  BILAT_INFLATE_OK,      /* more to come: give more input or more room */
  BILAT_INFLATE_END,     /* the stream (or gzip member) has ended */
  BILAT_INFLATE_ERROR,   /* damaged data; see the message */
} BilatInflateStatus;

typedef struct _BilatInflater BilatInflater;

/* Whether @backend can be used in this build. */
gboolean            _bilat_inflate_has_backend   (BilatInflateBackend  backend);
/* The backend new inflaters get (BILAT_INFLATE_BACKEND_DEFAULT: the
 * fastest built in). For tests. */
void                _bilat_inflate_set_backend   (BilatInflateBackend  backend);
const char         *_bilat_inflate_backend_name  (void);

/* NULL only when memory runs out. */
BilatInflater      *_bilat_inflater_new          (BilatInflateWrap     wrap);
void                _bilat_inflater_free         (BilatInflater       *self);
/* Starts a new stream (the next gzip member, the next zip member). */
void                _bilat_inflater_reset        (BilatInflater       *self);

/* Inflates from *@in (*@in_length bytes, both advanced past what was
 * used) into @out (@out_size bytes); *@produced is what was written.
 * At the end of a gzip member, *@in may move back, by at most 8 bytes,
 * before where it was (bytes read ahead, given back): the 8 bytes before
 * *@in must be the input's bytes before it, as given in earlier calls.
 * On BILAT_INFLATE_ERROR, *@message says what is wrong (static text),
 * and *@in is as it was. */
BilatInflateStatus  _bilat_inflater_run          (BilatInflater       *self,
                                                  const guint8       **in,
                                                  gsize               *in_length,
                                                  guint8              *out,
                                                  gsize                out_size,
                                                  gsize               *produced,
                                                  const char         **message);

/* Once a raw stream has ended: the bytes past its end that the inflater
 * read ahead (at most 8, into @bytes), which belong to what follows it;
 * returns how many. Each is handed back once. */
gsize               _bilat_inflater_take_unused  (BilatInflater       *self,
                                                  guint8               bytes[8]);

/* The CRC-32 of the output of the current stream (raw wrapping). */
guint32             _bilat_inflater_get_crc      (BilatInflater       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatInflater, _bilat_inflater_free)

G_END_DECLS
