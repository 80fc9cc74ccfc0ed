// For the publisher's test: a head-office process that only publishes (its own PostgreSQL pool,
// NATS connection and publisher role), started with `node --import tsx`, killed by the test.
// Its pool names it in pg_stat_activity, so the test sees which process holds the role.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PUBLISHER = fileURLToPath(new URL('./publisher.ts', import.meta.url));

const SCRIPT = `
const { startOutboxPublisher } = await import(${JSON.stringify(PUBLISHER)});
const { default: pg } = await import('pg');
const { connect, nkeyAuthenticator } = await import('@nats-io/transport-node');
const { jetstream } = await import('@nats-io/jetstream');
const { createLogger } = await import('@vitrine/shared/node');
const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4,
  application_name: 'publisher-child:' + process.pid }).on('error', () => undefined);
pool.on('error', () => undefined);
const nc = await connect({ servers: env.NATS_URLS.split(','), maxReconnectAttempts: -1,
  reconnectTimeWait: 250, authenticator: nkeyAuthenticator(new TextEncoder().encode(env.NATS_SEED)) });
startOutboxPublisher({ pool, js: jetstream(nc), log: createLogger('warn', { child: String(process.pid) }),
  roleRetryMs: 200, pollMs: 1000, publishTimeoutMs: 2000 });
// Ends with the test: its stdin closes when the test process goes, however it goes.
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
process.stdout.write('ready\\n');
`;

export function startPublisherChild(env: {
  databaseUrl: string;
  natsUrls: readonly string[];
  natsSeed: string;
}): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      NATS_URLS: env.natsUrls.join(','),
      NATS_SEED: env.natsSeed,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`publisher child exited (${code})`)));
  });
  return { child, ready };
}
