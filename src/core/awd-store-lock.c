/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-lock"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <string.h>
#include <unistd.h>

#include "awd-store-private.h"

/* The writers' lock: `<database>.lock` next to the file, held with flock()
 * for as long as a read-write store is open. The kernel drops a flock when
 * its process dies, so a lock left behind by a crash is free to take; the
 * file's text (pid, host, operator, since when) only names the holder for
 * the message a refused writer gets, and tells us when we took over a stale
 * one. SQLite's own locking still guards every single transaction; this
 * lock keeps a second copy of the application from editing at the same
 * time as the first. */

struct _AwdStoreLock
{
  char *path;
  int   fd;
};

static char *
describe_holder (const char *text)
{
  g_auto(GStrv) fields = g_strsplit (text != NULL ? text : "", "\n", 5);
  guint n = g_strv_length (fields);

  if (n < 4 || *fields[0] == '\0')
    return g_strdup (_("another program"));

  /* pid, host, operator, since */
  return g_strdup_printf (_("%s (process %s on %s, since %s)"),
                          fields[2], fields[0], fields[1], fields[3]);
}

static char *
holder_text (const char *operator_name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%d\n%s\n%s\n%s\n", (int) getpid (), g_get_host_name (),
                          operator_name != NULL ? operator_name : "", since);
}

static gboolean
holder_is_stale (const char *text)
{
  g_auto(GStrv) fields = g_strsplit (text != NULL ? text : "", "\n", 3);

  return g_strv_length (fields) >= 2 && *fields[0] != '\0';
}

AwdStoreLock *
awd_store_lock_acquire (const char  *db_path,
                        const char  *operator_name,
                        GError     **error)
{
  g_autofree char *path = g_strconcat (db_path, ".lock", NULL);
  g_autofree char *previous = NULL;
  g_autofree char *text = NULL;
  AwdStoreLock *lock;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_OPEN,
                   _("Could not create the lock file “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  g_file_get_contents (path, &previous, NULL, NULL);

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;
      g_autofree char *holder = NULL;

      close (fd);
      if (saved_errno != EWOULDBLOCK)
        {
          g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_OPEN,
                       _("Could not lock “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }

      /* Re-read: the holder may have written its name after our first read. */
      g_clear_pointer (&previous, g_free);
      g_file_get_contents (path, &previous, NULL, NULL);
      holder = describe_holder (previous);
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED,
                   _("“%s” is being changed by %s; it can be opened read-only until they close it"),
                   db_path, holder);
      return NULL;
    }

  if (holder_is_stale (previous))
    {
      g_autofree char *holder = describe_holder (previous);
      g_message ("Taking over the lock of %s left by %s, which is no longer running",
                 db_path, holder);
    }

  text = holder_text (operator_name);
  if (ftruncate (fd, 0) != 0 ||
      pwrite (fd, text, strlen (text), 0) != (ssize_t) strlen (text))
    g_warning ("Could not record the lock holder in %s: %s", path, g_strerror (errno));

  lock = g_new0 (AwdStoreLock, 1);
  lock->path = g_steal_pointer (&path);
  lock->fd = fd;
  return lock;
}

void
awd_store_lock_release (AwdStoreLock *lock)
{
  if (lock == NULL)
    return;

  /* Empty the file before unlocking, so the next holder does not mistake a
   * clean exit for a crash. The file stays: unlinking a flock'ed file races
   * with a process that has just opened it. */
  if (ftruncate (lock->fd, 0) != 0)
    g_warning ("Could not clear %s: %s", lock->path, g_strerror (errno));
  flock (lock->fd, LOCK_UN);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
