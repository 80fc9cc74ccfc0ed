// A fresh PostgreSQL data directory in a fraction of initdb's ~5 s: initdb runs once per machine
// run into a template (keyed by PostgreSQL's version), and each new cluster is a copy of it.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lchownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Who runs initdb and postgres: they refuse root, so as root we hand them to user `postgres`. */
export type PostgresUser = { uid: number; gid: number } | undefined;

/** The uid/gid of user `postgres` when we are root; undefined (run as ourselves) otherwise. */
export function postgresUser(): PostgresUser {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(
      'running as root, and there is no user `postgres` to run PostgreSQL as: ' +
        "install Debian's postgresql-15 (it creates the user), or run as another user",
    );
  return { uid: Number(uid), gid: Number(gid) };
}

/** chown -R, never following links (the data dir holds none, but a copy must not escape). */
function chownTree(path: string, user: { uid: number; gid: number }): void {
  lchownSync(path, user.uid, user.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) chownTree(join(path, entry), user);
}

/** Hands `dir` to the PostgreSQL user with the mode the server insists on (0700). */
function ownDataDir(dir: string, user: PostgresUser): void {
  if (user) chownTree(dir, user);
  chmodSync(dir, 0o700);
}

/** postgres must reach its data dir: every parent must be searchable by it. */
export function assertReachable(dir: string, user: PostgresUser): void {
  if (!user) return;
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    const stat = statSync(parent);
    const searchable =
      stat.mode & 0o001 ||
      (stat.uid === user.uid && stat.mode & 0o100) ||
      (stat.gid === user.gid && stat.mode & 0o010);
    if (!searchable)
      throw new Error(
        `PostgreSQL runs as uid ${user.uid} and cannot reach ${dir}: ${parent} is not searchable ` +
          `by it (chmod o+x ${parent}, or put the cluster elsewhere)`,
      );
    if (parent === dirname(parent)) return;
  }
}

function run(bin: string, args: string[], user: PostgresUser): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      ...user,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${bin} failed (${signal ?? code}): ${stderr}`)),
    );
  });
}

// Trust on loopback and the socket only: these clusters are for tests and `npm run chain`.
// 1 MB WAL segments instead of 16: a fresh cluster is 28 MB to copy, not 39.
const INITDB_OPTIONS = [
  ...['-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'],
  ...['--no-sync', '--wal-segsize=1'],
];
/** Part of the template's name: a change of the options above makes a new template. */
const TEMPLATE_FORMAT = 'w1';

/** `postgres --version`, e.g. "15.18": the template's key, so an upgrade makes a new one. */
async function postgresVersion(postgres: string): Promise<string> {
  const child = spawn(postgres, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('close', resolve));
  return /\d+(\.\d+)+/.exec(out)?.[0] ?? 'unknown';
}

/**
 * The cached template for this PostgreSQL, made by initdb on first use. Two processes may race
 * to make it: each builds its own and renames it into place; the loser drops its copy.
 */
export async function templateDataDir(
  bins: { postgres: string; initdb: string },
  user: PostgresUser,
): Promise<{ dir: string; initdbMs?: number }> {
  const dir = join(
    tmpdir(),
    `vitrine-pg-template-${await postgresVersion(bins.postgres)}-${TEMPLATE_FORMAT}-${user?.uid ?? process.getuid?.() ?? 'user'}`,
  );
  if (existsSync(join(dir, 'PG_VERSION'))) return { dir };
  const building = mkdtempSync(`${dir}.building-`);
  chmodSync(building, 0o755);
  const data = join(building, 'data');
  mkdirSync(data);
  ownDataDir(data, user);
  const started = performance.now();
  try {
    await run(bins.initdb, [...INITDB_OPTIONS, '-D', data], user);
    const initdbMs = performance.now() - started;
    try {
      renameSync(data, dir);
    } catch (error) {
      if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
    }
    return { dir, initdbMs };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** A new data directory at `dir`, copied from the template with its ownership and modes. */
export function copyTemplate(template: string, dir: string, user: PostgresUser): void {
  cpSync(template, dir, { recursive: true, preserveTimestamps: true });
  ownDataDir(dir, user);
}
