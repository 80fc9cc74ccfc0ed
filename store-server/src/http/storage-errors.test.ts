// The store's answers to its storage's errors, through the shared error handler:
// SQLite's write lock held by another connection is 503 with Retry-After, a disk
// fault is 507 with the fault's message, and an HttpError is left as it is.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, errorHandler, HttpError } from '@vitrine/shared/node';
import { STORAGE_REFUSAL, storageFaultOf } from '../db/storage-fault';
import { busyAnswer, storageFaultAnswer } from './storage-errors';

const dir = mkdtempSync(join(tmpdir(), 'storage-errors-'));
let server: ReturnType<express.Express['listen']>;
let base: string;

/** A real SQLITE_BUSY: a second connection writes while the first holds the write lock. */
function busyError(): unknown {
  const file = join(dir, 'busy.db');
  const holder = new Database(file);
  holder.exec('CREATE TABLE IF NOT EXISTS t (x)');
  const other = new Database(file, { timeout: 0 });
  holder.exec('BEGIN IMMEDIATE');
  try {
    other.exec('INSERT INTO t VALUES (1)');
    return undefined;
  } catch (error) {
    return error;
  } finally {
    holder.exec('ROLLBACK');
    other.close();
    holder.close();
  }
}

beforeAll(async () => {
  const busy = busyError();
  const app = express();
  app.get('/busy', () => {
    throw busy;
  });
  app.get('/full', () => {
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  });
  app.get('/refused', () => {
    throw new HttpError(409, 'conflict', 'already done');
  });
  const storage = { noteError: storageFaultOf };
  app.use(
    errorHandler(
      createLogger('silent', { store: 'test' }),
      storageFaultAnswer(storage),
      busyAnswer,
    ),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("the store's storage errors over HTTP", () => {
  it('answers the write lock held elsewhere 503 busy, to try again in 5 s', async () => {
    const response = await fetch(`${base}/busy`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      error: { code: 'busy', message: 'the store is saving a catalogue import: try again' },
    });
  });

  it('answers a full disk 507 with what to do', async () => {
    const response = await fetch(`${base}/full`);
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ error: STORAGE_REFUSAL.full });
  });

  it('leaves an HttpError as it is', async () => {
    const response = await fetch(`${base}/refused`);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'conflict', message: 'already done' } });
  });
});
