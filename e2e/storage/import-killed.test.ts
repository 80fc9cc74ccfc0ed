// A catalogue import killed with SIGKILL (a power cut) while it reads its feed,
// and again with every document written but not committed: each time the store
// keeps its catalogue and revision head exactly, and the next start calls the
// job interrupted. Real processes (the import CLI), real SQLite files.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@vitrine/shared/core';
import Database from 'better-sqlite3';

const ROOT = join(import.meta.dirname, '../..');
const HEADER = 'id\ttitle\tprice\tproduct_type\tgtin';
let dir: string;
let data: string;

function feed(name: string, count: number, price: string): string {
  const lines = [HEADER];
  for (let i = 0; i < count; i++)
    lines.push(`ITEM-${i}\tArticle ${i}\t${price} EUR\tMaison > Rangement\t`);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** The import CLI on the data folder, in its own process. */
function importer(args: string[], env: Record<string, string> = {}) {
  // One process (node with tsx's loader), so SIGKILL lands on the importer itself.
  const cli = join(ROOT, 'store-server/src/import/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data', data, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited a minute for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the store holds: its head and a fingerprint of every live product. */
function snapshot(): { head: number; products: string } {
  const db = new Database(join(data, 'store.sqlite'), { readonly: true });
  try {
    const head = db.prepare('SELECT COALESCE(MAX(rev), 0) FROM sync_docs').pluck().get() as number;
    const products = db
      .prepare(
        "SELECT group_concat(id || ':' || rev, ',') FROM sync_docs WHERE collection = 'products'",
      )
      .pluck()
      .get() as string;
    return { head, products };
  } finally {
    db.close();
  }
}

function jobs(): ImportJob[] {
  const db = new Database(join(data, 'store.sqlite'), { readonly: true });
  try {
    return (
      db.prepare('SELECT job FROM import_jobs ORDER BY created_at').pluck().all() as string[]
    ).map((text) => JSON.parse(text) as ImportJob);
  } finally {
    db.close();
  }
}

const stagingFiles = () =>
  readdirSync(join(data, 'import')).filter((job) =>
    existsSync(join(data, 'import', job, 'staging.sqlite')),
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-import-kill-'));
  data = join(dir, 'data');
  const first = importer(['--products', feed('first.tsv', 50, '5.00')]);
  expect(await first.exited).toBe(0);
});

describe('an import killed', () => {
  it('while reading its feed leaves the catalogue as it was, and is called interrupted after', async () => {
    const before = snapshot();
    const big = feed('big.tsv', 60_000, '7.00');
    const run = importer(['--products', big]);
    await until(() => stagingFiles().length > 0, 'the staging file');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(snapshot()).toEqual(before);
    expect(jobs().at(-1)!.state).toBe('running');

    // The next import (or server start) finds it and says what became of it.
    const next = importer(['--products', feed('again.tsv', 50, '5.00')]);
    expect(await next.exited).toBe(0);
    const states = jobs().map((job) => job.state);
    expect(states.slice(-2)).toEqual(['interrupted', 'applied']);
    expect(stagingFiles()).toEqual([]);
  }, 120_000);

  it('with every document written but not committed leaves the catalogue as it was', async () => {
    const before = snapshot();
    const signal = join(dir, 'holding');
    const run = importer(['--products', feed('cheaper.tsv', 50, '4.00')], {
      VITRINE_TEST_HOLD_APPLY: signal,
    });
    await until(() => existsSync(signal), 'the apply to hold');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(snapshot()).toEqual(before);
    const next = importer(['--products', feed('cheaper2.tsv', 50, '4.00')]);
    expect(await next.exited).toBe(0);
    expect(snapshot().head).toBe(before.head + 50);
  }, 120_000);
});
