// The import CLI on a store's data folder while its server is stopped (a
// first load before opening, a restore): the same import, recorded as a job
// the console lists; refused while a server holds the folder.
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import {
  DEFAULT_CURRENCY,
  type FeedKind,
  type ImportJob,
  type ImportOptions,
  type StoreSettings,
} from '@vitrine/shared/core';
import { lockDataDir } from '../db/data-lock';
import { openDatabase } from '../db/database';
import { DocStore } from '../sync/doc-store';
import { megabytes, statusLine } from './cli-progress';
import { ImportService } from './import-service';

export async function importOffline(
  dataDir: string,
  files: Partial<Record<FeedKind, string>>,
  options: ImportOptions,
  store: { currency?: string; timeZone?: string; storeId?: string },
): Promise<ImportJob> {
  mkdirSync(dataDir, { recursive: true }); // a first load, before the server ever started
  const lock = lockDataDir(dataDir);
  const db = openDatabase(dataDir);
  try {
    const docs = new DocStore(db);
    const settings = docs.all<StoreSettings>('settings')[0];
    // The import runs in a worker with its own connection; the server fetches the pictures it
    // asks for once it starts (they wait as pending).
    const service = new ImportService({
      db,
      dataDir,
      docs,
      currency: store.currency ?? settings?.currency ?? DEFAULT_CURRENCY,
      timeZone: store.timeZone ?? 'Europe/Paris',
      ...(store.storeId !== undefined && { storeId: store.storeId }),
      log: pino({ level: 'warn' }),
    });
    const job = service.create(options, 'cli');
    for (const [kind, path] of Object.entries(files) as [FeedKind, string][]) {
      const copy = join(service.uploadDir(job.id), `.cli-${kind}`);
      try {
        linkSync(path, copy); // same disk: no copy of a 300 MB feed
      } catch {
        copyFileSync(path, copy);
      }
      service.addFile(job.id, kind, copy, path.split(/[\\/]/).at(-1)!);
    }
    const status = statusLine();
    const stop = service.follow(job.id, ({ progress }) => {
      if (progress.phase === 'reading' && progress.kind)
        status.show(
          `reading ${progress.kind ?? ''}`,
          progress.bytesRead ?? 0,
          progress.totalBytes,
          megabytes(progress.bytesRead ?? 0),
        );
      else
        status.show(progress.phase, 0, undefined, progress.done ? `${progress.done} products` : '');
    });
    service.run(job.id);
    await service.idle();
    stop();
    status.end();
    return service.get(job.id);
  } finally {
    db.close();
    lock.release();
  }
}
