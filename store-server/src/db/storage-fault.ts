// Which errors mean "the disk cannot take this write" rather than "this write is
// wrong": SQLite's result codes and the file system's errno, sorted into the
// three faults a store's IT can act on.

export type StorageFaultKind = 'full' | 'read-only' | 'io-error';

/** The fault an error reveals, or undefined when it is not a storage fault. */
export function storageFaultOf(error: unknown): StorageFaultKind | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io-error';
  return undefined;
}

/**
 * The database's write lock is held by another connection past the wait: an
 * import's worker committing (import/write-gate.ts). Not a fault of the disk;
 * the write is tried again later.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** What the API answers (507) for a write the storage refused. */
export const STORAGE_REFUSAL: Record<StorageFaultKind, { code: string; message: string }> = {
  full: {
    code: 'storage_full',
    message:
      "The store server's disk is full: nothing was saved. Free space on its disk; " +
      'the server takes writes again by itself.',
  },
  'read-only': {
    code: 'storage_read_only',
    message:
      "The store server's storage is read-only: nothing was saved. " +
      'Make its data directory writable; the server takes writes again by itself.',
  },
  'io-error': {
    code: 'storage_io_error',
    message:
      "The store server's disk failed to write (I/O error): nothing was saved. " +
      'Check the disk; the server takes writes again by itself once it can.',
  },
};

/** The server cannot start at all: there is no database to serve and no room to create one. */
export class StorageUnavailableError extends Error {}
