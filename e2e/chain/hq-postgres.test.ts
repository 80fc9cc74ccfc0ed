// Two real head-office processes on one real PostgreSQL 15: they migrate the database once
// between them, exactly one holds the background role, a kill -9 hands it to the other, and
// a PostgreSQL crash shows in /healthz (503, never 500) until it is back.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgres, type LocalPostgres } from '@vitrine/head-office/local';
import { REPO_ROOT, waitFor } from '../support/test-server';

type HeadOfficeProcess = {
  child: ChildProcess;
  url: string;
  /** pino's JSON lines, parsed. */
  logs: Record<string, unknown>[];
};

type Health = { status: number; body: { ok: boolean; database: string; roles: string[] } };

const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

function launchHeadOffice(databaseUrl: string, dataDir: string): Promise<HeadOfficeProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'head-office/src/main.ts'),
      ...['--database-url', databaseUrl, '--host', '127.0.0.1', '--http-port', '0'],
      ...['--data-dir', dataDir, '--log-level', 'info'],
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
        const running = /head office is running: (http:\/\/\S+?)\/?$/.exec(line);
        if (running?.[1]) resolve({ child, url: running[1], logs });
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`head office exited (${signal ?? code}) before it was up`)),
    );
  });
}

async function health(hq: HeadOfficeProcess): Promise<Health> {
  const response = await fetch(`${hq.url}/healthz`);
  return { status: response.status, body: (await response.json()) as Health['body'] };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('head office on PostgreSQL, two processes', () => {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-hq-pg-'));
  // PostgreSQL runs as user postgres: it must be able to reach its directory inside.
  chmodSync(base, 0o755);
  let postgres: LocalPostgres;
  let databaseUrl: string;
  let first: HeadOfficeProcess;
  let second: HeadOfficeProcess;
  let survivor: HeadOfficeProcess;
  const started: HeadOfficeProcess[] = [];

  beforeAll(async () => {
    const starting = performance.now();
    postgres = await startPostgres({ dir: join(base, 'pg') });
    databaseUrl = await postgres.createDatabase('vitrine_hq');
    const { initdbMs, copyMs, startMs } = postgres.timings;
    console.log(
      `PostgreSQL: ${initdbMs === undefined ? 'template cached' : `initdb ${Math.round(initdbMs)} ms`}, ` +
        `copy ${Math.round(copyMs ?? 0)} ms, start ${Math.round(startMs)} ms, ` +
        `with database ${Math.round(performance.now() - starting)} ms (${load()})`,
    );
  });

  afterAll(async () => {
    for (const hq of started) hq.child.kill('SIGKILL');
    await Promise.all(started.map((hq) => exited(hq.child)));
    await postgres?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('two processes started at once migrate the database once between them', async () => {
    [first, second] = await Promise.all([
      launchHeadOffice(databaseUrl, join(base, 'hq-1')),
      launchHeadOffice(databaseUrl, join(base, 'hq-2')),
    ]);
    started.push(first, second);
    const migrated = [first, second].map((hq) => {
      const line = hq.logs.find((entry) => entry.msg === 'database migrated');
      return line as { applied: string[]; ms: number };
    });
    console.log(`migrate: ${migrated.map((line) => `${line.ms} ms`).join(' / ')} (${load()})`);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const recorded = await client
      .query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')
      .finally(() => client.end());
    const ids = recorded.rows.map((row) => row.id);
    const applied = migrated.flatMap((line) => line.applied);
    // Every recorded migration was applied by exactly one of the two.
    expect(applied.toSorted()).toEqual(ids);
    expect(ids).toContain('0002-stores');
    expect((await health(first)).body).toMatchObject({ ok: true, database: 'up' });
    expect((await health(second)).body).toMatchObject({ ok: true, database: 'up' });
    // Each keeps the campaign signing key in its own data dir, readable by it alone.
    for (const dir of ['hq-1', 'hq-2']) {
      const keyFile = join(base, dir, 'signing', 'ed25519-private.pem');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    }
  });

  it('exactly one holds the role, and the other takes it over when it is killed -9', async () => {
    const holders = async () =>
      (await Promise.all([first, second].map(health))).map((report) =>
        report.body.roles.includes('leader'),
      );
    await expect
      .poll(holders, { timeout: 10_000 })
      .toSatisfy((held: boolean[]) => held.some(Boolean));
    const held = await holders();
    expect(held.filter(Boolean)).toHaveLength(1);
    const [holder, other] = held[0] ? [first, second] : [second, first];
    // PostgreSQL agrees: one role lock, on a connection of the holder's process.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const locks = await client
      .query<{ application_name: string }>(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objid = hashtext('leader')::oid`,
      )
      .finally(() => client.end());
    expect(locks.rows.map((row) => row.application_name)).toEqual([
      `vitrine-head-office:${holder.child.pid}`,
    ]);

    const killedAt = performance.now();
    holder.child.kill('SIGKILL');
    await exited(holder.child);
    await expect
      .poll(async () => (await health(other)).body.roles, { timeout: 15_000, interval: 50 })
      .toContain('leader');
    const takeoverMs = performance.now() - killedAt;
    console.log(`role takeover after kill -9: ${Math.round(takeoverMs)} ms (${load()})`);
    // Retried every 5 s; PostgreSQL ends the dead process's session at once.
    expect(takeoverMs).toBeLessThan(8_000);
    survivor = other;
  });

  it('says the database is down (503) while PostgreSQL is crashed, and up once it is back', async () => {
    await postgres.kill();
    const down = await health(survivor);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, database: 'down' });
    await expect.poll(async () => (await health(survivor)).body.roles).toEqual([]);

    const restarting = performance.now();
    await postgres.start();
    await expect
      .poll(async () => (await health(survivor)).status, { timeout: 10_000, interval: 50 })
      .toBe(200);
    console.log(
      `PostgreSQL crash → healthy again: ${Math.round(performance.now() - restarting)} ms (${load()})`,
    );
    // The role comes back too, at its next try.
    await expect
      .poll(async () => (await health(survivor)).body.roles, { timeout: 10_000 })
      .toContain('leader');
  });

  it('stops cleanly and leaves no PostgreSQL process', async () => {
    const processes = postgres.processes();
    expect(processes.length).toBeGreaterThan(1);
    survivor.child.kill('SIGTERM');
    expect(await exited(survivor.child)).toBe(0);
    await postgres.stop();
    expect(processes.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    await waitFor(() => postgres.processes().length === 0, 'no postmaster', 1_000);
  });
});
