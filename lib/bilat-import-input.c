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
 * gzip (1f 8b) is inflated with zlib, members following members as gzip
 * allows; zip (PK 03 04) is read with libarchive, each file of the
 * archive as a member of the input; anything else is plain text.
 */

#include <bilat/bilat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include "bilat-import-private.h"

/* Buffered windows: small enough to stay in the cache between the copy
 * and the scan; larger buffers make reading several times slower on
 * machines whose memory is slow. */
#define BUFFER_SIZE (192u << 10)

/* Compressed bytes read at a time. */
#define RAW_BUFFER_SIZE (128u << 10)

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

  /* gzip */
  z_stream        zstream;
  gboolean        zstream_ready;
  gboolean        zmember_ended;
  guchar         *raw_buffer;

  /* zip */
  struct archive *archive;
  GError         *archive_error; /* from the read callback */
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

  if (self->zstream_ready)
    inflateEnd (&self->zstream);
  if (self->archive != NULL)
    archive_read_free (self->archive);
  g_clear_error (&self->archive_error);
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

/* zip, through libarchive, reading through raw_read(). */

static la_ssize_t
archive_read_cb (struct archive *archive,
                 void           *data,
                 const void    **buffer)
{
  BilatInput *self = data;
  gssize n;

  g_clear_error (&self->archive_error);
  n = raw_read (self, self->raw_buffer, RAW_BUFFER_SIZE, &self->archive_error);
  if (n < 0)
    {
      archive_set_error (archive, EIO, "%s", self->archive_error->message);
      return -1;
    }
  *buffer = self->raw_buffer;
  return n;
}

/* The error of the archive: a read error as it was, a truncated archive
 * as such, anything else as damage. */
static gboolean
set_archive_error (BilatInput  *self,
                   GError     **error)
{
  const char *message = archive_error_string (self->archive);

  if (self->archive_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->archive_error));
      return FALSE;
    }
  if (message == NULL)
    message = "unreadable archive";
  /* Reading streams the archive: an error once all of it has been read
   * is data that ends too early. */
  if (self->raw_eof || strstr (message, "runcated") != NULL)
    g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED,
                 "%s is truncated: %s", self->member_name ? self->member_name : self->name, message);
  else
    g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                 "%s is not a readable zip archive: %s",
                 self->member_name ? self->member_name : self->name, message);
  return FALSE;
}

static gboolean
open_archive (BilatInput  *self,
              GError     **error)
{
  self->archive = archive_read_new ();
  archive_read_support_format_zip (self->archive);
  if (archive_read_open (self->archive, self, NULL, archive_read_cb, NULL) != ARCHIVE_OK)
    return set_archive_error (self, error);
  return TRUE;
}

/* gzip, through zlib. */

/* Inflates up to @size bytes into @out: 0 at the end, -1 on error. */
static gssize
gzip_read (BilatInput *self,
           char       *out,
           gsize       size,
           GError    **error)
{
  z_stream *z = &self->zstream;
  gsize produced = 0;

  while (produced < size)
    {
      int status;

      if (z->avail_in == 0 && !self->raw_eof)
        {
          gssize n = raw_read (self, self->raw_buffer, RAW_BUFFER_SIZE, error);

          if (n < 0)
            return -1;
          z->next_in = self->raw_buffer;
          z->avail_in = (uInt) n;
        }

      if (self->zmember_ended)
        {
          /* gzip files may be several gzip members in a row, which are
           * one file; zeros may pad the end. */
          while (z->avail_in > 0 && z->next_in[0] == 0)
            {
              z->next_in++;
              z->avail_in--;
            }
          if (z->avail_in == 0)
            {
              if (self->raw_eof)
                break;
              continue;
            }
          if (z->next_in[0] != 0x1f)
            {
              g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                           "%s is damaged: data after the end of the gzip stream", self->name);
              return -1;
            }
          inflateReset (z);
          self->zmember_ended = FALSE;
        }

      if (z->avail_in == 0 && self->raw_eof)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_TRUNCATED,
                       "%s is truncated: the gzip data ends before its end", self->name);
          return -1;
        }

      z->next_out = (Bytef *) out + produced;
      z->avail_out = (uInt) (size - produced);
      status = inflate (z, Z_NO_FLUSH);
      produced = size - z->avail_out;

      if (status == Z_STREAM_END)
        self->zmember_ended = TRUE;
      else if (status != Z_OK && status != Z_BUF_ERROR)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                       "%s is damaged: %s", self->name,
                       z->msg != NULL ? z->msg : "invalid gzip data");
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
          if (inflateInit2 (&self->zstream, 16 + MAX_WBITS) != Z_OK)
            {
              g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_CORRUPT,
                           "Cannot decompress %s: out of memory", self->name);
              return FALSE;
            }
          self->zstream_ready = TRUE;
          self->raw_buffer = g_malloc (RAW_BUFFER_SIZE);
        }
      self->buffer = g_malloc (BUFFER_SIZE);
      self->member_name = g_strdup (self->name);
      *name = self->member_name;
      return TRUE;
    }

  if (self->archive == NULL)
    {
      self->raw_buffer = g_malloc (RAW_BUFFER_SIZE);
      self->buffer = g_malloc (BUFFER_SIZE);
      if (!open_archive (self, error))
        return FALSE;
    }

  for (;;)
    {
      struct archive_entry *entry;
      int status = archive_read_next_header (self->archive, &entry);

      if (status == ARCHIVE_EOF)
        {
          /* Reading streams the members and does not need the central
           * directory at the end, but an archive without it was cut.
           * What libarchive did not read of it is read here. */
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
          return FALSE;
        }
      if (status < ARCHIVE_WARN)
        return set_archive_error (self, error);
      if (archive_entry_filetype (entry) == AE_IFREG)
        {
          const char *path = archive_entry_pathname_utf8 (entry);

          if (path == NULL)
            path = archive_entry_pathname (entry);
          self->n_members++;
          self->member_name = g_strdup_printf ("%s(%s)", self->name, path ? path : "?");
          *name = self->member_name;
          return TRUE;
        }
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
          n = archive_read_data (self->archive, free_space, free_size);
          if (n < 0)
            {
              set_archive_error (self, error);
              return FALSE;
            }
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
