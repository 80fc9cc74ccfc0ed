// One process at a time in a data folder: the store server holds
// <data>/server.lock (its pid) while it runs, and the offline import CLI
// refuses to write a database the server is using. A lock left by a process
// that no longer runs (a power cut, a kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusy extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`another Vitrine process (pid ${pid}) is using ${dataDir}: stop it first`);
    this.name = 'DataDirBusy';
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock; throws DataDirBusy while a live process holds it. */
export function lockDataDir(dataDir: string): { release: () => void } {
  const path = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid}\n`);
      } catch (error) {
        // A full disk: the server still starts (read-only, storage-guard.ts), its lock empty.
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') return { release: () => {} }; // not even a file fits: no lock
      if (code !== 'EEXIST') throw error;
      let pid: number;
      try {
        pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      // An empty lock (written on a full disk) names no one: taken over like a stale one.
      if (Number.isInteger(pid) && pid > 0 && running(pid)) throw new DataDirBusy(pid, dataDir);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take ${path}`);
}
