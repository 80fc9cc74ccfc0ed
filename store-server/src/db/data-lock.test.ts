// The data folder's lock on a real file system: held, refused while held,
// taken over from a process that is gone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusy, lockDataDir } from './data-lock';

describe('the data folder lock', () => {
  it('is refused while held, naming the holder, and free once released', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-lock-'));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusy);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.pid}`);
    lock.release();
    lockDataDir(dir).release();
  });

  it('is taken over from a process that no longer runs (a power cut, a kill -9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-lock-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(join(dir, 'server.lock'), `${gone.stdout.toString()}\n`);
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusy);
    lock.release();
  });
});
