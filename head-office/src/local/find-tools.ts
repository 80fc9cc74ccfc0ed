// Where this machine keeps the chain's real parts: Debian's nats-server and PostgreSQL 15.
// The same candidates as scripts/provision-test-tools.mjs, which installs them (as root);
// an environment variable points elsewhere.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const NATS_CANDIDATES = [
  '/usr/sbin/nats-server',
  '/usr/bin/nats-server',
  '/usr/local/bin/nats-server',
];
const POSTGRES_CANDIDATES = ['/usr/lib/postgresql/15/bin/postgres'];

export class MissingToolError extends Error {
  constructor(tool: string, debianPackage: string, envVar: string) {
    super(
      `no ${tool} on this machine: run \`node scripts/provision-test-tools.mjs\` as root, ` +
        `install Debian's \`${debianPackage}\` package, or set ${envVar}`,
    );
    this.name = 'MissingToolError';
  }
}

function found(candidates: readonly string[], envVar: string): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path));
}

/** The nats-server binary. */
export function findNatsServer(): string {
  const path = found(NATS_CANDIDATES, 'NATS_SERVER_PATH');
  if (!path) throw new MissingToolError('nats-server', 'nats-server', 'NATS_SERVER_PATH');
  return path;
}

/** PostgreSQL's server binaries: `postgres` and `initdb` from the same directory. */
export function findPostgres(): { postgres: string; initdb: string } {
  const postgres = found(POSTGRES_CANDIDATES, 'POSTGRES_PATH');
  if (!postgres) throw new MissingToolError('PostgreSQL 15', 'postgresql-15', 'POSTGRES_PATH');
  return { postgres, initdb: join(dirname(postgres), 'initdb') };
}
