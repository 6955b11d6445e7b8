/* bilat-file.c: replacing a file so that it never tears
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Not g_file_replace(): it writes the target in place when the target
 * has a second hard link or sits in a directory it cannot write, creates
 * a new target at its own name (so a full disk leaves a torn file
 * there), and leaves its named temporary file behind when the process
 * is killed.
 *
 * The new file has no name while it is written (O_TMPFILE) and gets one
 * only for the rename. A process killed in the moment between the two
 * leaves a hidden “.target.<16 hex digits>.tmp” beside the target: the
 * writer holds a flock() on it for as long as it has that name, so the
 * next save to the same target finds the names no live process holds
 * and removes them.
 */

/* O_TMPFILE */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bilat-file-private.h"

/* An output stream over a file descriptor it does not own. */

#define BILAT_TYPE_FD_OUTPUT_STREAM (_bilat_fd_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (BilatFdOutputStream, _bilat_fd_output_stream, BILAT, FD_OUTPUT_STREAM, GOutputStream)

struct _BilatFdOutputStream
{
  GOutputStream parent_instance;
  int           fd;
  gsize         unstarted;   /* bytes written since write-back was started */
};

/* Past this many bytes written, the kernel is asked to start writing them
 * to disk, so that the fsync() before the rename waits for the last few
 * only: a large file is on disk soon after its last byte is written. */
#define WRITE_BACK_STEP (8u << 20)

static void fd_output_stream_seekable_init (GSeekableIface *iface);

/* Seekable, for writers that fill in a header last (the native format). */
G_DEFINE_FINAL_TYPE_WITH_CODE (BilatFdOutputStream, _bilat_fd_output_stream, G_TYPE_OUTPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, fd_output_stream_seekable_init))

static goffset
fd_output_stream_tell (GSeekable *seekable)
{
  return lseek (BILAT_FD_OUTPUT_STREAM (seekable)->fd, 0, SEEK_CUR);
}

static gboolean
fd_output_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
fd_output_stream_seek (GSeekable     *seekable,
                       goffset        offset,
                       GSeekType      type,
                       GCancellable  *cancellable,
                       GError       **error)
{
  int whence = type == G_SEEK_SET ? SEEK_SET : type == G_SEEK_END ? SEEK_END : SEEK_CUR;

  if (lseek (BILAT_FD_OUTPUT_STREAM (seekable)->fd, offset, whence) < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fd_output_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
fd_output_stream_truncate (GSeekable     *seekable,
                           goffset        offset,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Cannot truncate this stream");
  return FALSE;
}

static void
fd_output_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = fd_output_stream_tell;
  iface->can_seek = fd_output_stream_can_seek;
  iface->seek = fd_output_stream_seek;
  iface->can_truncate = fd_output_stream_can_truncate;
  iface->truncate_fn = fd_output_stream_truncate;
}

static gssize
fd_output_stream_write (GOutputStream  *stream,
                        const void     *buffer,
                        gsize           count,
                        GCancellable   *cancellable,
                        GError        **error)
{
  BilatFdOutputStream *self = BILAT_FD_OUTPUT_STREAM (stream);
  gssize written;

  do
    written = write (self->fd, buffer, MIN (count, G_MAXSSIZE));
  while (written < 0 && errno == EINTR);
  if (written < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return written;
    }
  self->unstarted += (gsize) written;
  if (self->unstarted >= WRITE_BACK_STEP)
    {
      self->unstarted = 0;
#ifdef SYNC_FILE_RANGE_WRITE
      /* Only a start: what it cannot do, the fsync() does. */
      (void) sync_file_range (self->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
    }
  return written;
}

static void
_bilat_fd_output_stream_class_init (BilatFdOutputStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = fd_output_stream_write;
}

static void
_bilat_fd_output_stream_init (BilatFdOutputStream *self)
{
  self->fd = -1;
}

/* Atomic files. */

struct _BilatAtomicFile
{
  char          *path;       /* the target */
  char          *dir;
  char          *basename;
  int            fd;
  char          *temp_path;  /* the new file's name, when it has one */
  gboolean       has_mode;   /* the target's permissions, to keep */
  mode_t         mode;
  GOutputStream *stream;
  gboolean       replacing;  /* a GFileOutputStream of g_file_replace() */
  gboolean       committed;
};

/* “Cannot write “path”: reason”, or with @in_dir, that no new file can
 * be made in the directory @path. */
static gboolean
set_errno_error (GError     **error,
                 int          saved,
                 gboolean     in_dir,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               in_dir ? "Cannot write a new file in “%s”: %s" : "Cannot write “%s”: %s",
               display, g_strerror (saved));
  return FALSE;
}

/* A name for the new file, beside the target: hidden, and random.
 * is_temp_name() must recognise it. */
static char *
temp_name (BilatAtomicFile *self)
{
  g_autofree char *name = g_strdup_printf (".%s.%08x%08x.tmp", self->basename,
                                           g_random_int (), g_random_int ());

  return g_build_filename (self->dir, name, NULL);
}

/* Locks the named new file, and says whether its name is still its own. */
static gboolean
still_named (BilatAtomicFile *self)
{
  struct stat by_fd;
  struct stat by_name;

  flock (self->fd, LOCK_EX);
  return fstat (self->fd, &by_fd) == 0 && lstat (self->temp_path, &by_name) == 0 &&
         by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino;
}

/* Whether @name is one temp_name() gives for the target @basename. */
static gboolean
is_temp_name (const char *name,
              const char *basename)
{
  size_t base_len = strlen (basename);
  size_t len = strlen (name);

  if (len != 1 + base_len + 1 + 16 + 4 || name[0] != '.' ||
      strncmp (name + 1, basename, base_len) != 0 || name[1 + base_len] != '.' ||
      strcmp (name + len - 4, ".tmp") != 0)
    return FALSE;
  for (size_t i = 0; i < 16; i++)
    if (!g_ascii_isxdigit (name[1 + base_len + 1 + i]))
      return FALSE;
  return TRUE;
}

/* Removes the new files earlier saves to this target left behind when
 * they were killed between naming and renaming: those whose flock() no
 * live process holds. Best effort; it never fails a save. */
static void
remove_stale_temps (BilatAtomicFile *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat by_fd;
      struct stat by_name;
      int fd;

      if (!is_temp_name (name, self->basename))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      /* Unlocked, a regular file, and the name still that file: stale. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstat (fd, &by_fd) == 0 && S_ISREG (by_fd.st_mode) &&
          lstat (path, &by_name) == 0 &&
          by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino)
        g_unlink (path);
      close (fd);
    }
}

BilatAtomicFile *
_bilat_atomic_file_new (GFile   *file,
                        GError **error)
{
  g_autoptr(BilatAtomicFile) self = NULL;
  const char *path = g_file_peek_path (file);
  BilatFdOutputStream *stream;
  struct stat st;

  if (path == NULL || path[0] == '\0')
    {
      g_autofree char *uri = g_file_get_uri (file);

      if (uri == NULL || uri[0] == '\0' || path != NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               "Cannot write a file with an empty name");
          return NULL;
        }
      /* Not a local file (GVfs): its backend replaces it as well as it
       * can, and a cancelled close abandons the new contents. */
      self = g_new0 (BilatAtomicFile, 1);
      self->fd = -1;
      self->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
      if (self->stream == NULL)
        return NULL;
      self->replacing = TRUE;
      return g_steal_pointer (&self);
    }

  self = g_new0 (BilatAtomicFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  self->basename = g_path_get_basename (path);

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR, FALSE, path);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       "Cannot write “%s”: not a regular file", display);
          return NULL;
        }
      self->has_mode = TRUE;
      self->mode = st.st_mode & 07777;
    }
  else if (errno != ENOENT)
    {
      set_errno_error (error, errno, FALSE, path);
      return NULL;
    }

  remove_stale_temps (self);

#ifdef O_TMPFILE
  self->fd = open (self->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  /* Held from before the file has a name: see remove_stale_temps(). */
  if (self->fd >= 0)
    flock (self->fd, LOCK_EX);
#endif
  /* Without O_TMPFILE (or a file system that lacks it): a named file. */
  for (guint attempt = 0; self->fd < 0 && attempt < 100; attempt++)
    {
      g_free (self->temp_path);
      self->temp_path = temp_name (self);
      self->fd = open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (self->fd < 0 && errno != EEXIST)
        break;
      if (self->fd >= 0 && !still_named (self))
        {
          /* Removed as stale by another save before it was locked. */
          close (self->fd);
          self->fd = -1;
        }
    }
  if (self->fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (error, saved, TRUE, self->dir);
      return NULL;
    }

  stream = g_object_new (BILAT_TYPE_FD_OUTPUT_STREAM, NULL);
  stream->fd = self->fd;
  self->stream = G_OUTPUT_STREAM (stream);
  return g_steal_pointer (&self);
}

GOutputStream *
_bilat_atomic_file_get_stream (BilatAtomicFile *self)
{
  return self->stream;
}

/* Gives the unnamed new file a name beside the target. */
static gboolean
link_temp (BilatAtomicFile  *self,
           GError          **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  int saved = 0;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_free (self->temp_path);
      self->temp_path = temp_name (self);
      if (linkat (AT_FDCWD, proc, AT_FDCWD, self->temp_path, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      saved = errno;
      if (saved != EEXIST)
        break;
    }
  g_clear_pointer (&self->temp_path, g_free);
  return set_errno_error (error, saved, TRUE, self->dir);
}

gboolean
_bilat_atomic_file_commit (BilatAtomicFile  *self,
                           GError          **error)
{
  int dir_fd;

  g_return_val_if_fail (!self->committed, FALSE);

  if (!g_output_stream_close (self->stream, NULL, error))
    return FALSE;
  if (self->replacing)
    {
      self->committed = TRUE;
      return TRUE;
    }
  /* The target's permissions, or those a new file gets (umask). */
  if (self->has_mode && fchmod (self->fd, self->mode) != 0)
    return set_errno_error (error, errno, FALSE, self->path);
  /* On disk before it has the target's name: never a name for an empty
   * or partial file after a crash. */
  if (fsync (self->fd) != 0)
    return set_errno_error (error, errno, FALSE, self->path);
  if (self->temp_path == NULL && !link_temp (self, error))
    return FALSE;
  if (g_rename (self->temp_path, self->path) != 0)
    return set_errno_error (error, errno, FALSE, self->path);
  g_clear_pointer (&self->temp_path, g_free);
  self->committed = TRUE;

  /* The rename itself, on disk. A failure here changes nothing. */
  dir_fd = open (self->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

void
_bilat_atomic_file_free (BilatAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->replacing && !self->committed && !g_output_stream_is_closed (self->stream))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close removes the new file and keeps the old one. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (self->stream, abandon, NULL);
    }
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->basename);
  g_free (self);
}
