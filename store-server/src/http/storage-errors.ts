// The store's own answers to errors of its SQLite storage, for the shared error
// handler (@vitrine/shared/node): a write the disk refused (full, read-only,
// I/O error) is 507 Insufficient Storage; the write lock held too long is 503.
import { HttpError, type ErrorAnswerer } from '@vitrine/shared/node';
import { isBusy, STORAGE_REFUSAL, type StorageFaultKind } from '../db/storage-fault';

/** Hears of errors writes met, and says which storage fault they mean (db/storage-guard.ts). */
export type StorageFaultListener = { noteError: (error: unknown) => StorageFaultKind | undefined };

export function storageFaultAnswer(storage: StorageFaultListener): ErrorAnswerer {
  return (error) => {
    const fault = error instanceof HttpError ? undefined : storage.noteError(error);
    if (fault === undefined) return undefined;
    return {
      status: 507,
      error: STORAGE_REFUSAL[fault],
      warning: 'http: refused a write the disk cannot take',
      fields: { fault },
    };
  };
}

/** The database's write lock held past the wait (an import's commit, write-gate.ts): try again. */
export const busyAnswer: ErrorAnswerer = (error) =>
  isBusy(error)
    ? {
        status: 503,
        error: { code: 'busy', message: 'the store is saving a catalogue import: try again' },
        headers: { 'Retry-After': '5' },
        warning: 'http: the database was busy with another write',
      }
    : undefined;
