import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isRunning, waitGone } from './child-processes';
import { startPostgres } from './postgres-local';

const base = mkdtempSync(join(tmpdir(), 'vitrine-pg-local-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres and must reach its directories

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('a local PostgreSQL', () => {
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('starts again on a directory that holds a cluster, with its data', async () => {
    const dir = join(base, 'kept');
    const first = await startPostgres({ dir });
    const url = await first.createDatabase('kept');
    await query(url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    await first.stop();
    expect(first.processes()).toEqual([]);

    const again = await startPostgres({ dir });
    try {
      expect(again.timings.copyMs).toBeUndefined(); // not a fresh copy of the template
      expect(await query(again.url('kept'), 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await again.stop();
    }
  });

  it('does not outlive the process that started it', async () => {
    const script =
      `import { startPostgres } from ${JSON.stringify(join(import.meta.dirname, 'postgres-local.ts'))};` +
      `const postgres = await startPostgres({ dir: ${JSON.stringify(join(base, 'orphan'))} });` +
      `process.stdout.write(postgres.processes().join(' '));` +
      `process.exit(0);`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const pids = out.split(' ').map(Number);
    expect(pids.length).toBeGreaterThan(1); // the postmaster and its backends
    // Gone, or at most a zombie waiting for PID 1: nothing runs, holds the port or the memory.
    expect(await waitGone(pids, 10_000)).toBe(true);
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it('says so when user postgres cannot reach the directory', async () => {
    if (process.getuid?.() !== 0) return;
    const closed = join(base, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    await expect(startPostgres({ dir: join(closed, 'pg') })).rejects.toThrow(
      `${closed} is not searchable by it`,
    );
  });
});
