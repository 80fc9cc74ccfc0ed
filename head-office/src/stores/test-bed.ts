// Head office's stores on real parts, for its own tests: a throwaway PostgreSQL, one real
// nats-server with the link's streams whose users file head office keeps (reloaded by its pid
// file, as in production), and a head office in this process whose log the test reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { API_PREFIX, linkStreams, type HqStore } from '@vitrine/shared/core';
import { createLogger } from '@vitrine/shared/node';
import type { HeadOfficeConfig } from '../config';
import { startTestPostgres } from '../local/test-postgres';
import { startHeadOffice, type HeadOffice } from '../server';
import { renderUsersFile, writeUsersFile } from './nats-users';
import { startTestNatsNode } from './test-nats-node';

const TEST_HQ_TOKEN = 'hq-admin-token-0123456789';

/** The answers the tests read, loosely: each call reads the fields its route has. */
export type Answer = {
  status: number;
  json: Partial<HqStore> & {
    error: { code: string; message: string };
    code: string;
    stores: HqStore[];
    keys: { publicKey: string; retiredAt: string | null }[];
    trustAnchor: { publicKey: string };
  };
};

export const newStore = (id: string, neighbours: string[] = []) => ({
  id,
  name: `Store ${id}`,
  region: { id: 'west', name: 'West' },
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  neighbours,
});

async function waitForRole(hq: HeadOffice) {
  while (!hq.heldRoles().includes('nats-config')) await new Promise((r) => setTimeout(r, 50));
}

export async function startStoresTestBed() {
  const dir = mkdtempSync(join(tmpdir(), 'vt-hq-stores-'));
  const usersFile = join(dir, 'users.conf');
  const hqPair = createUser();
  const seedFile = join(dir, 'hq.seed');
  writeFileSync(seedFile, new TextDecoder().decode(hqPair.getSeed()), { mode: 0o600 });
  await writeUsersFile(
    usersFile,
    renderUsersFile({ hqPublicKey: hqPair.getPublicKey(), stores: [] }),
  );
  const [postgres, node] = await Promise.all([
    startTestPostgres(),
    startTestNatsNode(dir, usersFile),
  ]);
  const hqNats: NatsConnection = await connect({
    servers: node.url,
    authenticator: nkeyAuthenticator(hqPair.getSeed()),
  });
  const jsm = await jetstreamManager(hqNats, { timeout: 10_000 });
  const sizes = { replicas: 1, eventsMaxBytes: 1 << 24, stockMaxBytes: 1 << 22 };
  for (const stream of linkStreams(sizes)) await jsm.streams.add(stream);

  const config: HeadOfficeConfig = {
    databaseUrl: await postgres.freshDatabase(),
    httpHost: '127.0.0.1',
    httpPort: 0,
    natsUrls: [node.url],
    natsSeedFile: seedFile,
    natsUsersFile: usersFile,
    natsPidFiles: [node.pidFile],
    adminToken: TEST_HQ_TOKEN,
    dataDir: join(dir, 'hq'),
    logLevel: 'info',
  };
  const logs: Record<string, unknown>[] = [];
  const log = createLogger(
    'info',
    { service: 'hq' },
    { write: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const started: HeadOffice[] = [];
  /** Another head-office process on the same database and cluster (it waits for the role). */
  const startHeadOfficeProcess = async () => {
    const hq = await startHeadOffice(config, { nats: hqNats, log });
    started.push(hq);
    return hq;
  };
  const hq = await startHeadOfficeProcess();
  await waitForRole(hq); // taken at once: no other process uses this database yet

  async function call(
    method: string,
    path: string,
    body?: unknown,
    options: { token?: string | null; via?: HeadOffice } = {},
  ): Promise<Answer> {
    const token = options.token === undefined ? TEST_HQ_TOKEN : options.token;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${(options.via ?? hq).url}${API_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: (text ? JSON.parse(text) : undefined) as Answer['json'],
    };
  }

  return {
    hq,
    node,
    hqNats,
    usersFile,
    logs,
    call,
    startHeadOfficeProcess,
    stop: async () => {
      await Promise.all(started.map((each) => each.stop()));
      await hqNats.close();
      await node.stop();
      await postgres.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
