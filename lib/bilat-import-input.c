/* bilat-import-input.c: bytes of event data, from plain, gzip or zip files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An input hands the reader windows of bytes. What decides the speed of
 * reading large event files is how those bytes reach the CPU:
 *
 * everything (a plain file, a stream, gzip data, a member of a zip
 * archive) is read into a buffer small enough to stay in the CPU's cache,
 * where the reader scans it at once.
 *
 * Plain files are read, not mapped: a mapped file that shrinks while it
 * is scanned (a download being replaced, a log rotated) kills the process
 * with SIGBUS, which a library must not let happen. Reading costs no more
 * here: the copy goes to a buffer in the cache, and the scan is what
 * takes the time. A regular file that ends before the size it had when
 * opened is an error that says so.
 *
 * The kind of data is told from its first bytes, not from the file name:
 * gzip (1f 8b) is inflated, members following members as gzip allows;
 * zip (PK 03 04) is read member by member from its local headers, each
 * file of the archive as a member of the input; anything else is plain
 * text. Deflate data is inflated with ISA-L where the library was built
 * with it (bilat-inflate.c), else with zlib; every zip member's CRC-32
 * and size are checked, and an archive must end with its central
 * directory.
 */

#include <bilat/bilat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "bilat-import-private.h"
#include "bilat-inflate-private.h"

/* Buffered windows: small enough to stay in the cache between the copy
 * and the scan; larger buffers make reading several times slower on
 * machines whose memory is slow. */
#define BUFFER_SIZE (192u << 10)
/* Bytes after the buffer that are always there and set, for readers
 * that take eight bytes at a time (see BilatField). */
#define BUFFER_PADDING 64

/* Compressed bytes read at a time; a zip header (30 bytes, a name and an
 * extra field of up to 65535 bytes each) fits in it whole. */
#define RAW_BUFFER_SIZE (256u << 10)

/* Bytes used that stay in front of the unused ones (see raw_fill()). */
#define RAW_HISTORY 8u

/* The end of a zip archive that holds its end-of-central-directory
 * record: 22 bytes and a comment of up to 65535. */
#define ZIP_TAIL_SIZE (22u + 65535u)

typedef enum
{
  KIND_PLAIN,
  KIND_GZIP,
  KIND_ZIP,
} Kind;

struct _BilatInput
{
  char           *name;
  GCancellable   *cancellable;

  /* The bytes as stored: a file descriptor or a stream. */
  int             fd;
  gboolean        regular;       /* fd is a regular file */
  GInputStream   *stream;
  guint64         size;          /* 0 when not known */
  guint64         raw_read;
  guchar          pushback[4];   /* bytes read to tell the kind */
  gsize           pushback_length;
  gsize           pushback_position;
  gboolean        raw_eof;

  Kind            kind;
  guint           n_members;     /* members started */
  char           *member_name;

  /* Buffered windows. */
  char           *buffer;
  gsize           buffer_length;
  gsize           buffer_start;  /* the first byte not consumed */
  gboolean        exhausted;     /* the member has no more bytes */
  gboolean        member_checked; /* its first bytes are not compressed again */

  /* Compressed bytes: raw_buffer[raw_position, raw_length) read and not
   * yet used. */
  guchar         *raw_buffer;
  gsize           raw_position;
  gsize           raw_length;
  BilatInflater  *inflater;
  gboolean        member_ended;  /* gzip: between members */

  /* zip: the member being read */
  guint16         zip_flags;
  guint16         zip_method;
  gboolean        zip_zip64;     /* sizes of 8 bytes in its descriptor */
  guint32         zip_crc;
  guint64         zip_compressed;
  guint64         zip_size;
  guint64         zip_left;      /* stored: bytes still to copy */
  guint64         zip_produced;
  guint32         zip_crc_so_far; /* stored: computed here */
  gboolean        zip_done;      /* the members have ended */
  guchar         *tail;          /* the last bytes read */
  gsize           tail_length;
};

/* Keeps the last ZIP_TAIL_SIZE bytes read of a zip archive, to tell at its
 * end whether the archive is whole. */
static void
keep_tail (BilatInput   *self,
           const guchar *data,
           gsize         n)
{
  if (self->kind != KIND_ZIP)
    return;
  if (self->tail == NULL)
    self->tail = g_malloc (ZIP_TAIL_SIZE);
  if (n >= ZIP_TAIL_SIZE)
    {
      memcpy (self->tail, data + n - ZIP_TAIL_SIZE, ZIP_TAIL_SIZE);
      self->tail_length = ZIP_TAIL_SIZE;
      return;
    }
  if (self->tail_length + n > ZIP_TAIL_SIZE)
    {
      gsize drop = self->tail_length + n - ZIP_TAIL_SIZE;

      memmove (self->tail, self->tail + drop, self->tail_length - drop);
      self->tail_length -= drop;
    }
  memcpy (self->tail + self->tail_length, data, n);
  self->tail_length += n;
}

/* Whether the bytes kept end with an end-of-central-directory record. */
static gboolean
tail_has_directory_end (BilatInput *self)
{
  for (gsize i = self->tail_length >= 22 ? self->tail_length - 22 + 1 : 0; i-- > 0; )
    if (memcmp (self->tail + i, "PK\005\006", 4) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Cannot %s %s: %s", what, name, g_strerror (saved_errno));
  return FALSE;
}

/* Reads up to @size bytes as stored: 0 at the end, -1 on error. */
static gssize
raw_read (BilatInput *self,
          void       *buffer,
          gsize       size,
          GError    **error)
{
  gssize n;

  if (self->pushback_position < self->pushback_length)
    {
      n = (gssize) MIN (size, self->pushback_length - self->pushback_position);
      memcpy (buffer, self->pushback + self->pushback_position, n);
      self->pushback_position += n;
      keep_tail (self, buffer, n);
      return n;
    }
  if (self->raw_eof)
    return 0;

  if (self->stream != NULL)
    {
      n = g_input_stream_read (self->stream, buffer, size, self->cancellable, error);
      if (n < 0)
        return -1;
    }
  else
    {
      do
        n = read (self->fd, buffer, size);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          set_errno_error (error, errno, "read", self->name);
          return -1;
        }
      if (n == 0 && self->regular && self->raw_read < self->size)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED,
                       "%s changed while it was read: it ends after %" G_GUINT64_FORMAT
                       " bytes, not the %" G_GUINT64_FORMAT " it had", self->name,
                       self->raw_read, self->size);
          return -1;
        }
    }

  if (n == 0)
    self->raw_eof = TRUE;
  self->raw_read += n;
  keep_tail (self, buffer, n);
  return n;
}

/* Reads the first bytes, to tell the kind of data, and keeps them for
 * what reads the data. */
static gboolean
sniff (BilatInput *self,
       GError    **error)
{
  while (self->pushback_length < sizeof self->pushback)
    {
      gsize position = self->pushback_position;
      gssize n;

      /* raw_read() would hand back the pushback itself. */
      self->pushback_position = self->pushback_length;
      n = raw_read (self, self->pushback + self->pushback_length,
                    sizeof self->pushback - self->pushback_length, error);
      self->pushback_position = position;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      self->pushback_length += n;
    }

  if (self->pushback_length >= 2 && self->pushback[0] == 0x1f && self->pushback[1] == 0x8b)
    self->kind = KIND_GZIP;
  else if (self->pushback_length >= 4 && (memcmp (self->pushback, "PK\003\004", 4) == 0 ||
                                          memcmp (self->pushback, "PK\005\006", 4) == 0))
    self->kind = KIND_ZIP;     /* with files, or empty */
  else
    self->kind = KIND_PLAIN;
  return TRUE;
}

static BilatInput *
input_new (const char   *name,
           GCancellable *cancellable)
{
  BilatInput *self = g_new0 (BilatInput, 1);

  self->name = g_strdup (name);
  self->fd = -1;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

BilatInput *
_bilat_input_new_for_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *path = g_file_peek_path (file);
  BilatInput *self = input_new (name, cancellable);

  if (path != NULL)
    {
      struct stat st;

      self->fd = open (path, O_RDONLY | O_CLOEXEC);
      if (self->fd < 0)
        {
          set_errno_error (error, errno, "open", name);
          _bilat_input_free (self);
          return NULL;
        }
      if (fstat (self->fd, &st) < 0)
        {
          set_errno_error (error, errno, "read", name);
          _bilat_input_free (self);
          return NULL;
        }
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       "Cannot read %s: it is a folder", name);
          _bilat_input_free (self);
          return NULL;
        }
      if (S_ISREG (st.st_mode))
        {
          self->regular = TRUE;
          self->size = st.st_size;
        }
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;
      GFileInputStream *stream = g_file_read (file, cancellable, error);

      if (stream == NULL)
        {
          _bilat_input_free (self);
          return NULL;
        }
      self->stream = G_INPUT_STREAM (stream);
      info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                             cancellable, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        self->size = g_file_info_get_size (info);
    }

  if (!sniff (self, error))
    {
      _bilat_input_free (self);
      return NULL;
    }
  return self;
}

BilatInput *
_bilat_input_new_for_stream (GInputStream  *stream,
                             const char    *name,
                             GCancellable  *cancellable,
                             GError       **error)
{
  BilatInput *self = input_new (name, cancellable);

  self->stream = g_object_ref (stream);
  if (G_IS_FILE_INPUT_STREAM (stream))
    {
      g_autoptr(GFileInfo) info =
        g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);

      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        self->size = g_file_info_get_size (info);
    }

  if (!sniff (self, error))
    {
      _bilat_input_free (self);
      return NULL;
    }
  return self;
}

void
_bilat_input_free (BilatInput *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->inflater, _bilat_inflater_free);
  if (self->fd >= 0)
    close (self->fd);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->buffer);
  g_free (self->raw_buffer);
  g_free (self->tail);
  g_free (self->member_name);
  g_free (self->name);
  g_free (self);
}

/* Compressed bytes, buffered. */

/* Makes at least @need bytes available at raw_buffer + raw_position,
 * fewer only at the end of the data; returns how many are. */
static gssize
raw_fill (BilatInput  *self,
          gsize        need,
          GError     **error)
{
  g_assert (need <= RAW_BUFFER_SIZE - RAW_HISTORY);
  if (self->raw_length - self->raw_position >= need)
    return (gssize) (self->raw_length - self->raw_position);
  /* The last RAW_HISTORY bytes used stay before the position: an
   * inflater may give back bytes it read ahead (bilat-inflate-private.h). */
  if (self->raw_position > RAW_HISTORY)
    {
      gsize drop = self->raw_position - RAW_HISTORY;

      memmove (self->raw_buffer, self->raw_buffer + drop, self->raw_length - drop);
      self->raw_length -= drop;
      self->raw_position = RAW_HISTORY;
    }
  while (self->raw_length - self->raw_position < need && self->raw_length < RAW_BUFFER_SIZE)
    {
      gssize n = raw_read (self, self->raw_buffer + self->raw_length,
                           RAW_BUFFER_SIZE - self->raw_length, error);

      if (n < 0)
        return -1;
      if (n == 0)
        break;
      self->raw_length += (gsize) n;
    }
  return (gssize) (self->raw_length - self->raw_position);
}

/* Puts back @n bytes that were used, before the bytes not yet used. */
static void
raw_unread (BilatInput   *self,
            const guint8 *bytes,
            gsize         n)
{
  if (self->raw_position < n)
    {
      memmove (self->raw_buffer + n, self->raw_buffer + self->raw_position,
               self->raw_length - self->raw_position);
      self->raw_length += n - self->raw_position;
      self->raw_position = n;
    }
  self->raw_position -= n;
  memcpy (self->raw_buffer + self->raw_position, bytes, n);
}

static guint16
le16 (const guchar *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guchar *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint64
le64 (const guchar *p)
{
  return (guint64) le32 (p) | (guint64) le32 (p + 4) << 32;
}

static gboolean
set_zip_error (BilatInput  *self,
               int          code,
               GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (4, 5);

/* “NAME is truncated: …” or “NAME is damaged: …”, NAME the member being
 * read or else the archive. */
static gboolean
set_zip_error (BilatInput  *self,
               int          code,
               GError     **error,
               const char  *format,
               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BILAT_IMPORT_ERROR, code, "%s is %s: %s",
               self->member_name != NULL ? self->member_name : self->name,
               code == BILAT_IMPORT_ERROR_TRUNCATED ? "truncated" : "damaged",
               what);
  return FALSE;
}

/* zip */

/* Reads the rest of an archive whose members have ended: it must end
 * with the end of its central directory (reading streams the members and
 * needs no directory, but an archive without one was cut). */
static gboolean
zip_finish (BilatInput  *self,
            GError     **error)
{
  self->raw_position = self->raw_length = 0;
  for (;;)
    {
      gssize n = raw_read (self, self->raw_buffer, RAW_BUFFER_SIZE, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }
  if (!tail_has_directory_end (self))
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED,
                   "%s is truncated: the zip archive ends before its central directory",
                   self->name);
      return FALSE;
    }
  if (self->n_members == 0)
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: the zip archive holds no files", self->name);
      return FALSE;
    }
  return TRUE;
}

static gssize zip_read (BilatInput *self,
                        char       *out,
                        gsize       size,
                        GError    **error);

/* Reads the next local header: TRUE with the member's name (a file; a
 * folder is skipped), FALSE with no error once the members have ended. */
static gboolean
zip_next_header (BilatInput  *self,
                 char       **name,
                 GError     **error)
{
  for (;;)
    {
      const guchar *h;
      guint16 name_length;
      guint16 extra_length;
      gssize available = raw_fill (self, 4, error);
      guint32 signature;
      gboolean folder;

      if (available < 0)
        return FALSE;
      if (available < 4)
        return set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                              "the zip archive ends before its central directory");
      h = self->raw_buffer + self->raw_position;
      signature = le32 (h);
      /* The central directory, the end of it, or their zip64 forms. */
      if (signature == 0x02014b50 || signature == 0x06054b50 ||
          signature == 0x06064b50 || signature == 0x07064b50)
        {
          self->zip_done = TRUE;
          return FALSE;
        }
      if (signature != 0x04034b50)
        return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                              "no member header where one belongs (offset %" G_GUINT64_FORMAT ")",
                              self->raw_read - (self->raw_length - self->raw_position));

      available = raw_fill (self, 30, error);
      if (available < 0)
        return FALSE;
      if (available < 30)
        return set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                              "the archive ends inside a member header");
      h = self->raw_buffer + self->raw_position;
      name_length = le16 (h + 26);
      extra_length = le16 (h + 28);
      available = raw_fill (self, 30u + name_length + extra_length, error);
      if (available < 0)
        return FALSE;
      if ((gsize) available < 30u + name_length + extra_length)
        return set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                              "the archive ends inside a member header");
      h = self->raw_buffer + self->raw_position;

      self->zip_flags = le16 (h + 6);
      self->zip_method = le16 (h + 8);
      self->zip_crc = le32 (h + 14);
      self->zip_compressed = le32 (h + 18);
      self->zip_size = le32 (h + 22);
      self->zip_zip64 = FALSE;
      /* Extra fields: the zip64 one holds the sizes that do not fit. */
      for (guint i = 0; i + 4 <= extra_length; )
        {
          const guchar *field = h + 30 + name_length + i;
          guint16 id = le16 (field);
          guint16 size = le16 (field + 2);
          guint at = 4;

          if (i + 4u + size > extra_length)
            break;
          if (id == 0x0001)
            {
              self->zip_zip64 = TRUE;
              if (self->zip_size == 0xffffffffu && at + 8 <= 4u + size)
                {
                  self->zip_size = le64 (field + at);
                  at += 8;
                }
              if (self->zip_compressed == 0xffffffffu && at + 8 <= 4u + size)
                self->zip_compressed = le64 (field + at);
            }
          i += 4u + size;
        }
      folder = name_length > 0 && h[30 + name_length - 1] == '/';
      g_free (*name);
      *name = g_utf8_make_valid ((const char *) h + 30, name_length);
      self->raw_position += 30u + name_length + extra_length;

      if (self->zip_flags & 0x0001)
        return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                              "member %s is encrypted", *name);
      if (self->zip_method != 0 && self->zip_method != 8)
        return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                              "member %s uses compression method %u (only stored and deflate are read)",
                              *name, self->zip_method);
      if (self->zip_method == 0 && (self->zip_flags & 0x0008) && self->zip_compressed == 0 && !folder)
        return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                              "member %s is stored with no size in its header", *name);

      self->zip_left = self->zip_method == 0 ? self->zip_compressed : 0;
      self->zip_produced = 0;
      self->zip_crc_so_far = (guint32) crc32 (0, NULL, 0);
      if (self->zip_method == 8)
        _bilat_inflater_reset (self->inflater);
      if (!folder)
        return TRUE;

      /* A folder: its data (none, as a rule) is read and dropped. */
      for (;;)
        {
          char sink[4096];
          gssize n = zip_read (self, sink, sizeof sink, error);

          if (n < 0)
            return FALSE;
          if (self->exhausted)
            break;
        }
      self->exhausted = FALSE;
    }
}

/* At the end of a member's data: its data descriptor read where it has
 * one, and its CRC-32 and size checked. */
static gboolean
zip_end_member (BilatInput  *self,
                guint32      crc,
                GError     **error)
{
  guint32 expected_crc = self->zip_crc;
  guint64 expected_size = self->zip_size;

  if (self->zip_flags & 0x0008)
    {
      gsize size = self->zip_zip64 ? 20 : 12;
      gssize available = raw_fill (self, 4 + size, error);
      const guchar *d;

      if (available < 0)
        return FALSE;
      d = self->raw_buffer + self->raw_position;
      /* The descriptor's signature is optional. */
      if (available >= 4 && le32 (d) == 0x08074b50)
        {
          d += 4;
          self->raw_position += 4;
          available -= 4;
        }
      if ((gsize) available < size)
        return set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                              "the archive ends inside the descriptor of a member");
      expected_crc = le32 (d);
      expected_size = self->zip_zip64 ? le64 (d + 12) : le32 (d + 8);
      self->raw_position += size;
    }
  if (crc != expected_crc)
    return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                          "its data does not match its CRC-32 (%08x, not %08x)", crc, expected_crc);
  if (self->zip_produced != expected_size &&
      !(!self->zip_zip64 && (self->zip_produced & 0xffffffffu) == expected_size))
    return set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error,
                          "its data has %" G_GUINT64_FORMAT " bytes, not the %" G_GUINT64_FORMAT
                          " its header gives", self->zip_produced, expected_size);
  return TRUE;
}

/* Up to @size bytes of the member's data: 0 at its end, -1 on error. */
static gssize
zip_read (BilatInput *self,
          char       *out,
          gsize       size,
          GError    **error)
{
  gsize produced = 0;

  while (produced < size)
    {
      gssize available = raw_fill (self, 1, error);

      if (available < 0)
        return -1;
      if (self->zip_method == 0)
        {
          gsize n;

          if (self->zip_left == 0)
            {
              if (!zip_end_member (self, self->zip_crc_so_far, error))
                return -1;
              self->exhausted = TRUE;
              break;
            }
          if (available == 0)
            {
              set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                             "the archive ends inside the member");
              return -1;
            }
          n = (gsize) MIN ((guint64) MIN ((gsize) available, size - produced), self->zip_left);
          memcpy (out + produced, self->raw_buffer + self->raw_position, n);
          self->zip_crc_so_far = (guint32) crc32 (self->zip_crc_so_far, (const Bytef *) out + produced, (uInt) n);
          self->raw_position += n;
          self->zip_left -= n;
          self->zip_produced += n;
          produced += n;
        }
      else
        {
          const guint8 *in = self->raw_buffer + self->raw_position;
          gsize in_length = (gsize) available;
          gsize n;
          const char *message = NULL;
          BilatInflateStatus status;

          status = _bilat_inflater_run (self->inflater, &in, &in_length, (guint8 *) out + produced,
                                        size - produced, &n, &message);
          self->raw_position = (gsize) (in - self->raw_buffer);
          self->zip_produced += n;
          produced += n;
          if (status == BILAT_INFLATE_ERROR)
            {
              set_zip_error (self, BILAT_IMPORT_ERROR_CORRUPT, error, "%s", message);
              return -1;
            }
          if (status == BILAT_INFLATE_END)
            {
              guint8 unused[8];
              gsize back = _bilat_inflater_take_unused (self->inflater, unused);

              raw_unread (self, unused, back);
              if (!zip_end_member (self, _bilat_inflater_get_crc (self->inflater), error))
                return -1;
              self->exhausted = TRUE;
              break;
            }
          if (available == 0 && n == 0)
            {
              set_zip_error (self, BILAT_IMPORT_ERROR_TRUNCATED, error,
                             "the archive ends inside the member");
              return -1;
            }
        }
    }
  return (gssize) produced;
}

/* gzip */

/* Inflates up to @size bytes into @out: 0 at the end, -1 on error. */
static gssize
gzip_read (BilatInput *self,
           char       *out,
           gsize       size,
           GError    **error)
{
  gsize produced = 0;

  while (produced < size)
    {
      gssize available = raw_fill (self, 1, error);
      const guint8 *in;
      gsize in_length;
      gsize n;
      const char *message = NULL;
      BilatInflateStatus status;

      if (available < 0)
        return -1;

      if (self->member_ended)
        {
          /* gzip files may be several gzip members in a row, which are
           * one file; zeros may pad the end. */
          while (self->raw_position < self->raw_length && self->raw_buffer[self->raw_position] == 0)
            self->raw_position++;
          if (self->raw_position == self->raw_length)
            {
              if (available == 0)
                break;
              continue;
            }
          if (self->raw_buffer[self->raw_position] != 0x1f)
            {
              g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                           "%s is damaged: data after the end of the gzip stream", self->name);
              return -1;
            }
          _bilat_inflater_reset (self->inflater);
          self->member_ended = FALSE;
        }

      in = self->raw_buffer + self->raw_position;
      in_length = (gsize) available;
      status = _bilat_inflater_run (self->inflater, &in, &in_length, (guint8 *) out + produced,
                                    size - produced, &n, &message);
      self->raw_position = (gsize) (in - self->raw_buffer);
      produced += n;
      if (status == BILAT_INFLATE_END)
        self->member_ended = TRUE;
      else if (status == BILAT_INFLATE_ERROR)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                       "%s is damaged: %s", self->name, message);
          return -1;
        }
      else if (available == 0 && n == 0)
        {
          /* No input left, and nothing held back to write. */
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED,
                       "%s is truncated: the gzip data ends before its end", self->name);
          return -1;
        }
    }

  return (gssize) produced;
}

gboolean
_bilat_input_next_member (BilatInput  *self,
                          const char **name,
                          GError     **error)
{
  g_clear_pointer (&self->member_name, g_free);
  self->buffer_length = 0;
  self->buffer_start = 0;
  self->exhausted = FALSE;
  self->member_checked = FALSE;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->kind != KIND_ZIP)
    {
      if (self->n_members++ > 0)
        return FALSE;
      if (self->kind == KIND_GZIP)
        {
          self->inflater = _bilat_inflater_new (BILAT_INFLATE_GZIP);
          if (self->inflater == NULL)
            {
              g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                           "Cannot decompress %s: out of memory", self->name);
              return FALSE;
            }
          self->raw_buffer = g_malloc (RAW_BUFFER_SIZE);
        }
      self->buffer = g_malloc0 (BUFFER_SIZE + BUFFER_PADDING);
      self->member_name = g_strdup (self->name);
      *name = self->member_name;
      return TRUE;
    }

  if (self->raw_buffer == NULL)
    {
      self->raw_buffer = g_malloc (RAW_BUFFER_SIZE);
      self->buffer = g_malloc0 (BUFFER_SIZE + BUFFER_PADDING);
      self->inflater = _bilat_inflater_new (BILAT_INFLATE_RAW);
      if (self->inflater == NULL)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                       "Cannot decompress %s: out of memory", self->name);
          return FALSE;
        }
    }
  if (self->zip_done)
    return FALSE;

  {
    g_autofree char *path = NULL;

    g_autoptr(GError) local_error = NULL;

    if (!zip_next_header (self, &path, &local_error))
      {
        if (local_error != NULL)
          g_propagate_error (error, g_steal_pointer (&local_error));
        else
          zip_finish (self, error);  /* no member left: FALSE either way */
        return FALSE;
      }
    self->n_members++;
    self->member_name = g_strdup_printf ("%s(%s)", self->name, path);
    *name = self->member_name;
    return TRUE;
  }
}

gboolean
_bilat_input_fill (BilatInput  *self,
                   const char **data,
                   gsize       *length,
                   gboolean    *at_end,
                   GError     **error)
{
  gsize rest;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  rest = self->buffer_length - self->buffer_start;
  if (rest > 0 && self->buffer_start > 0)
    memmove (self->buffer, self->buffer + self->buffer_start, rest);
  self->buffer_length = rest;
  self->buffer_start = 0;

  if (!self->exhausted && self->buffer_length < BUFFER_SIZE)
    {
      char *free_space = self->buffer + self->buffer_length;
      gsize free_size = BUFFER_SIZE - self->buffer_length;
      gssize n;

      switch (self->kind)
        {
        case KIND_GZIP:
          n = gzip_read (self, free_space, free_size, error);
          break;
        case KIND_ZIP:
          n = zip_read (self, free_space, free_size, error);
          break;
        case KIND_PLAIN:
        default:
          n = raw_read (self, free_space, free_size, error);
          break;
        }
      if (n < 0)
        return FALSE;
      if (n == 0)
        self->exhausted = TRUE;
      self->buffer_length += n;
    }

  /* Compressed data or an archive inside gzip data or an archive is
   * not read as text: that would report its bytes as bad rows. */
  if (!self->member_checked && (self->buffer_length >= 4 || self->exhausted))
    {
      const char *inner = NULL;

      self->member_checked = TRUE;
      if (self->buffer_length >= 2 && (guchar) self->buffer[0] == 0x1f && (guchar) self->buffer[1] == 0x8b)
        inner = "gzip data";
      else if (self->buffer_length >= 4 && (memcmp (self->buffer, "PK\003\004", 4) == 0 ||
                                            memcmp (self->buffer, "PK\005\006", 4) == 0))
        inner = "a zip archive";
      if (inner != NULL && self->kind != KIND_PLAIN)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                       "%s: %s inside %s, which is not read: decompress the outer one first",
                       self->member_name != NULL ? self->member_name : self->name, inner,
                       self->kind == KIND_GZIP ? "gzip data" : "a zip archive");
          return FALSE;
        }
    }

  *data = self->buffer;
  *length = self->buffer_length;
  *at_end = self->exhausted;
  return TRUE;
}

void
_bilat_input_consume (BilatInput *self,
                      gsize       n)
{
  self->buffer_start += n;
}

guint64
_bilat_input_get_bytes_read (BilatInput *self)
{
  guint64 done = self->raw_read;

  /* Data read ahead is no further than the size. */
  return self->size > 0 ? MIN (done, self->size) : done;
}

guint64
_bilat_input_get_size (BilatInput *self)
{
  return self->size;
}
