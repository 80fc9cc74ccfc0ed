// A real coturn TURN server on free loopback ports, checking credentials with
// a shared secret (`use-auth-secret`), as docs/operations.md sets it up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './server-process';
import { waitFor } from './test-server';

const CANDIDATES = [
  process.env.TURNSERVER_PATH,
  '/usr/bin/turnserver',
  '/usr/local/bin/turnserver',
];

function turnserverPath(): string {
  const path = CANDIDATES.find((c): c is string => !!c && existsSync(c));
  if (!path)
    throw new Error(
      'coturn not found: run `node scripts/provision-test-tools.mjs` or set TURNSERVER_PATH',
    );
  return path;
}

export type Coturn = { url: string; stop: () => Promise<void> };

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

export async function startCoturn(secret: string): Promise<Coturn> {
  const port = await freePort();
  // Relay ports: a small range of its own, away from the listener.
  const minPort = 40_000 + (port % 20_000);
  const child = spawn(
    turnserverPath(),
    [
      '-n', // no config file: everything is on this line
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      `--min-port=${minPort}`,
      `--max-port=${minPort + 100}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=vitrine.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      // The peers of this test are on loopback; a store's are not.
      '--allow-loopback-peers',
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`turnserver exited: ${output}`);
        return accepts(port);
      },
      'turnserver to listen',
      15_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `turn:127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
