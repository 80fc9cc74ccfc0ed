// A real PostgreSQL 15 for tests and `npm run chain`, run as OUR child process: never through
// pg_ctl or a shell that exits (orphans showed up as <defunct> here), so we own its pid, reap it
// and kill it, and its backends, when we stop or exit. As root it runs as user `postgres`.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { childrenOf, signal, waitGone } from './child-processes';
import { findPostgres } from './find-tools';
import { freePorts } from './free-ports';
import {
  assertReachable,
  copyTemplate,
  postgresUser,
  templateDataDir,
  type PostgresUser,
} from './postgres-template';

export type LocalPostgres = {
  /** The data directory; the unix socket and `postgres.log` are there too. */
  dir: string;
  port: number;
  logFile: string;
  /** How long this cluster took: initdb (only when the template was made now), copy, start. */
  timings: { initdbMs?: number; copyMs?: number; startMs: number };
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust auth: local use only). */
  url: (database?: string) => string;
  /** Creates a database and answers its URL. */
  createDatabase: (name: string) => Promise<string>;
  /**
   * Signals the postmaster. The default, SIGQUIT, is PostgreSQL's crash: every connection is cut,
   * no checkpoint, crash recovery at the next start; the postmaster still reaps its backends.
   * SIGKILL kills the backends too, but they are then orphans of PID 1, which here reaps late
   * (they show as <defunct>): use it only where that does not matter.
   */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same directory and port (after kill or stop). */
  start: () => Promise<void>;
  /** Fast shutdown (SIGINT), then SIGKILL if it does not end within 10 s. */
  stop: () => Promise<void>;
  /** The postmaster's pid and its children's, now (empty when it is not running). */
  processes: () => number[];
};

const READY_TIMEOUT_MS = 30_000;
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Every postmaster this process started and has not stopped. If we exit first, each gets
 * SIGQUIT (immediate shutdown): it ends its backends, reaps them and exits at once.
 */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) if (child.pid !== undefined) signal(child.pid, 'SIGQUIT');
});

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function postgresArgs(dir: string, port: number, fsync: boolean): string[] {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    shared_buffers: '32MB',
    // Off by default: these clusters are thrown away, and fsync costs seconds on a busy disk.
    fsync: fsync ? 'on' : 'off',
    synchronous_commit: fsync ? 'on' : 'off',
    full_page_writes: fsync ? 'on' : 'off',
  };
  return [
    '-D',
    dir,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Spawns the postmaster and waits until it accepts connections; throws with the log's tail. */
async function launch(
  bin: string,
  dir: string,
  port: number,
  fsync: boolean,
  user: PostgresUser,
  logFile: string,
): Promise<ChildProcess> {
  const log = openSync(logFile, 'a');
  const child = spawn(bin, postgresArgs(dir, port, fsync), {
    ...user,
    stdio: ['ignore', log, log],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!exited && !(await acceptsConnections(url))) {
    if (Date.now() > deadline) {
      if (child.pid !== undefined) signal(child.pid, 'SIGKILL');
      exited = true;
    } else await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  if (exited)
    throw new Error(
      `PostgreSQL on port ${port} did not start (${dir}); the end of ${logFile}:\n${tail(logFile)}`,
    );
  return child;
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

/** A PostgreSQL cluster in `dir`: reused if it holds one, else copied from the template. */
export async function startPostgres(options: {
  dir: string;
  fsync?: boolean;
}): Promise<LocalPostgres> {
  const dir = resolve(options.dir);
  const fsync = options.fsync ?? false;
  const bins = findPostgres();
  const user = postgresUser();
  mkdirSync(dirname(dir), { recursive: true });
  assertReachable(dir, user);
  const timings: LocalPostgres['timings'] = { startMs: 0 };
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    const template = await templateDataDir(bins, user);
    if (template.initdbMs !== undefined) timings.initdbMs = template.initdbMs;
    const copying = performance.now();
    copyTemplate(template.dir, dir, user);
    timings.copyMs = performance.now() - copying;
  }
  const logFile = join(dir, 'postgres.log');
  const starting = performance.now();
  // The probed port may be taken before postgres binds it: try another one.
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 1; !child; attempt++) {
    port = (await freePorts(1))[0] ?? 0;
    try {
      child = await launch(bins.postgres, dir, port, fsync, user, logFile);
    } catch (error) {
      if (attempt >= 3 || !/could not (bind|create listen)/.test(tail(logFile, 5))) throw error;
    }
  }
  timings.startMs = performance.now() - starting;
  let current: ChildProcess = child;

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const kill = async (name: NodeJS.Signals = 'SIGQUIT') => {
    const pid = current.pid;
    // Already ended: its pid may belong to someone else by now.
    if (pid === undefined || current.exitCode !== null || current.signalCode !== null) return;
    const backends = childrenOf(pid);
    signal(pid, name);
    if (name === 'SIGKILL') for (const backend of backends) signal(backend, 'SIGKILL');
    await exitOf(current);
    await waitGone(backends, 10_000);
  };
  return {
    dir,
    port,
    logFile,
    timings,
    url,
    createDatabase: async (name) => {
      if (!DATABASE_NAME.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    kill,
    start: async () => {
      if (current.exitCode === null && current.signalCode === null)
        throw new Error(`PostgreSQL is already running in ${dir}`);
      current = await launch(bins.postgres, dir, port, fsync, user, logFile);
    },
    processes: () => {
      const pid = current.pid;
      if (pid === undefined || current.exitCode !== null || current.signalCode !== null) return [];
      return [pid, ...childrenOf(pid)];
    },
    stop: async () => {
      const timer = setTimeout(() => void kill('SIGKILL'), 10_000);
      try {
        await kill('SIGINT');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
