/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-fault-vfs"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "awd-fault-vfs.h"

/* The shim: every file it opens is the real file with our methods in
 * front. Reads, writes and syncs are counted per kind and the armed one
 * fails; everything else (locks, shared memory for WAL) is forwarded as is.
 * One test thread at a time, so plain globals are enough. */

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;   /* points just past this struct */
} FaultFile;

static sqlite3_vfs  fault_vfs;
static sqlite3_vfs *real_vfs;
static guint        counts[AWD_FAULT_N_KINDS];
static gboolean     armed;
static AwdFaultKind armed_kind;
static guint        armed_nth;
static gboolean     armed_persistent;
static guint        fired;

static const int fault_codes[AWD_FAULT_N_KINDS] = {
  SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_READ,
};

/* Counts a call of @kind; returns the error to fail it with, or SQLITE_OK. */
static int
count_call (AwdFaultKind kind)
{
  guint n = ++counts[kind];

  if (!armed || kind != armed_kind)
    return SQLITE_OK;
  if (n == armed_nth || (armed_persistent && n > armed_nth))
    {
      fired++;
      return fault_codes[kind];
    }
  return SQLITE_OK;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = REAL (file);
  int rc = real->pMethods != NULL ? real->pMethods->xClose (real) : SQLITE_OK;

  file->pMethods = NULL;
  return rc;
}

static int
fault_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  int rc = count_call (AWD_FAULT_READ);
  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
fault_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  int rc = count_call (AWD_FAULT_WRITE);
  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  int rc = count_call (AWD_FAULT_SYNC);
  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fault_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  /* No memory-mapped reads: every read goes through fault_read. */
  *out = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *p)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods fault_io_methods = {
  3,
  fault_close, fault_read, fault_write, fault_truncate, fault_sync, fault_file_size,
  fault_lock, fault_unlock, fault_check_reserved_lock, fault_file_control,
  fault_sector_size, fault_device_characteristics,
  fault_shm_map, fault_shm_lock, fault_shm_barrier, fault_shm_unmap,
  fault_fetch, fault_unfetch,
};

static int
fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *ff = (FaultFile *) file;
  int rc;

  ff->real = (sqlite3_file *) (ff + 1);
  memset (ff->real, 0, real_vfs->szOsFile);
  file->pMethods = NULL;
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  if (ff->real->pMethods != NULL)
    file->pMethods = &fault_io_methods;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
awd_fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL && real_vfs->iVersion >= 2);

  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = "awd-fault";
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xDlOpen = fault_dl_open;
  fault_vfs.xDlError = fault_dl_error;
  fault_vfs.xDlSym = fault_dl_sym;
  fault_vfs.xDlClose = fault_dl_close;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;

  g_assert (sqlite3_vfs_register (&fault_vfs, 1) == SQLITE_OK);
}

void
awd_fault_vfs_arm (AwdFaultKind kind,
                   guint        nth,
                   gboolean     persistent)
{
  memset (counts, 0, sizeof counts);
  armed = TRUE;
  armed_kind = kind;
  armed_nth = nth;
  armed_persistent = persistent;
  fired = 0;
}

void
awd_fault_vfs_disarm (void)
{
  armed = FALSE;
}

guint
awd_fault_vfs_count (AwdFaultKind kind)
{
  return counts[kind];
}

guint
awd_fault_vfs_fired (void)
{
  return fired;
}

const char *
awd_fault_kind_name (AwdFaultKind kind)
{
  static const char * const names[] = { "write", "sync", "read" };
  return kind < AWD_FAULT_N_KINDS ? names[kind] : "?";
}
