// A store joins the chain and sees only its own: store A, enrolled through the real CLI at a
// real head office (PostgreSQL 15, a 3-node NATS 2.9 cluster with the link's streams), can
// publish on its own subjects and pull its own durable, and is refused everything of store B's.
// A refused JetStream call may hang rather than fail: every check has its own deadline and
// reads the connection's status events. Revoking A closes its connection, and both A's store
// server and head office say so in their logs; an unknown key is refused at connect.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createUser, fromSeed } from '@nats-io/nkeys';
import { Objm } from '@nats-io/obj';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_PREFIX,
  hqStoreSubject,
  hqStoreWildcard,
  linkStreams,
  storeDurable,
  storeInboxPrefix,
  storeSubjects,
  STREAMS,
} from '@vitrine/shared/core';
import { createLogger } from '@vitrine/shared/node';
import {
  startNatsCluster,
  startPostgres,
  type LocalPostgres,
  type NatsCluster,
} from '@vitrine/head-office/local';
import { startHeadOffice, type HeadOffice } from '../../head-office/src/server';
import { waitFor } from '../support/test-server';
import { launchChainStore, runEnrolCli, type LoggedProcess } from './chain-processes';

const ADMIN = 'hq-admin-token-0123456789';
const DEADLINE_MS = 5_000;
const base = mkdtempSync(join(tmpdir(), 'vitrine-chain-perm-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres and must reach its directory
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

let postgres: LocalPostgres;
let cluster: NatsCluster;
let hqNats: NatsConnection;
let hq: HeadOffice;
let storeA: LoggedProcess | undefined;
let a: NatsConnection;
let aSeed: Uint8Array;
let usedCodeA = '';
const aErrors: string[] = [];
const hqLogs: Record<string, unknown>[] = [];

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${hq.url}${API_PREFIX}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/** Resolves with how the call ended, within the deadline (a hung call is a "timeout"). */
async function outcome(call: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DEADLINE_MS);
  });
  const settled = call.then(
    () => 'ok',
    (error: unknown) => `refused: ${error instanceof Error ? error.message : String(error)}`,
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const violationFor = (subject: string) =>
  expect
    .poll(() => aErrors.find((error) => error.includes(subject)), { timeout: DEADLINE_MS })
    .toMatch(/permissions violation/i);

beforeAll(async () => {
  const started = performance.now();
  [postgres, cluster] = await Promise.all([
    startPostgres({ dir: join(base, 'pg') }),
    startNatsCluster({ dir: join(base, 'nats') }),
  ]);
  const seedFile = join(base, 'hq.seed');
  writeFileSync(seedFile, cluster.hqSeed!, { mode: 0o600 });
  hqNats = await connect({
    servers: [...cluster.clientUrls],
    authenticator: nkeyAuthenticator(new TextEncoder().encode(cluster.hqSeed)),
  });
  // The other engineer's link code ensures these at HQ's start; until then the test does.
  const jsm = await jetstreamManager(hqNats, { timeout: 15_000 });
  for (const stream of linkStreams({ eventsMaxBytes: 1 << 26, stockMaxBytes: 1 << 24 }))
    await jsm.streams.add(stream);
  const media = await new Objm(hqNats).create('media', { replicas: 3 });
  await media.putBlob({ name: 'poster' }, new TextEncoder().encode('a poster'));

  hq = await startHeadOffice(
    {
      databaseUrl: await postgres.createDatabase('vitrine_hq'),
      httpHost: '127.0.0.1',
      httpPort: 0,
      natsUrls: [...cluster.clientUrls],
      natsSeedFile: seedFile,
      natsUsersFile: cluster.usersFile,
      adminToken: ADMIN,
      dataDir: join(base, 'hq'),
      logLevel: 'info',
    },
    {
      nats: hqNats,
      reloadNats: () => cluster.reload(),
      log: createLogger(
        'info',
        { service: 'head-office' },
        { write: (line) => void hqLogs.push(JSON.parse(line) as Record<string, unknown>) },
      ),
    },
  );
  while (!hq.heldRoles().includes('nats-config')) await new Promise((r) => setTimeout(r, 50));

  const store = (id: string, neighbours: string[]) => ({
    id,
    name: `Store ${id}`,
    region: { id: 'north', name: 'North' },
    timeZone: 'Europe/Zurich',
    currency: 'CHF',
    neighbours,
  });
  await admin('POST', '/stores', store('A', []));
  await admin('POST', '/stores', store('B', ['A']));

  // B enrols with a key of its own, so its durables exist to be refused to A.
  const codeB = await admin('POST', '/stores/B/enrol-codes', {});
  const enrolB = await fetch(`${hq.url}${API_PREFIX}/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: codeB.code,
      storeId: 'B',
      publicKey: createUser().getPublicKey(),
    }),
  });
  expect(enrolB.status).toBe(200);

  // A through the CLI, as the README says.
  const dataA = join(base, 'store-a');
  const codeA = await admin('POST', '/stores/A/enrol-codes', {});
  usedCodeA = String(codeA.code);
  const enrolled = await runEnrolCli({
    hq: hq.url,
    code: String(codeA.code),
    store: 'A',
    data: dataA,
  });
  expect(enrolled.output).toContain(`--hq-link ${join(dataA, 'hq', 'hq-link.json')}`);
  expect(enrolled.code).toBe(0);
  const seedPath = join(dataA, 'hq', 'nkey.seed');
  expect(statSync(seedPath).mode & 0o777).toBe(0o600);
  aSeed = new TextEncoder().encode(readFileSync(seedPath, 'utf8').trim());

  a = await connect({
    servers: [...cluster.clientUrls],
    authenticator: nkeyAuthenticator(aSeed),
    inboxPrefix: storeInboxPrefix('A'),
    reconnect: false,
  });
  void (async () => {
    for await (const status of a.status())
      if (status.type === 'error') aErrors.push(String(status.error));
  })();
  console.info(`chain up in ${Math.round(performance.now() - started)} ms (${load()})`);
});

afterAll(async () => {
  await storeA?.kill();
  if (a && !a.isClosed()) await a.close();
  await hq?.stop();
  if (hqNats && !hqNats.isClosed()) await hqNats.close();
  await cluster?.stop();
  await postgres?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('a store on the chain', () => {
  it('publishes on its own subjects and pulls its own durable', async () => {
    const js = jetstream(a, { timeout: DEADLINE_MS });
    const ack = await js.publish(storeSubjects('A').fleet, '{"v":1}');
    expect(ack.stream).toBe(STREAMS.fleet);

    await jetstream(hqNats).publish(hqStoreSubject('A', 'prices'), '{"for":"A"}');
    const durable = await js.consumers.get(STREAMS.hqStores, storeDurable('A'));
    const message = await durable.next({ expires: DEADLINE_MS });
    expect(message?.subject).toBe(hqStoreSubject('A', 'prices'));
    expect(await message?.ackAck()).toBe(true);
    expect(aErrors).toEqual([]);
  });

  it('cannot publish as B, nor hear B, anyone’s inbox or a stranger’s stock', async () => {
    a.publish(storeSubjects('B').events, '{}');
    await violationFor(storeSubjects('B').events);
    const refusedSub = (subject: string) =>
      new Promise<string>((resolve) => {
        a.subscribe(subject, {
          callback: (error) => {
            if (error) resolve(String(error));
          },
        });
      });
    for (const subject of [hqStoreWildcard('B'), '_INBOX.>', storeSubjects('B').stock]) {
      const refusal = await Promise.race([refusedSub(subject), pause(DEADLINE_MS, 'timeout')]);
      expect(refusal).toMatch(/permissions violation/i);
    }
  });

  it('cannot read B’s durable, pull from it, nor make a consumer on B’s subjects', async () => {
    await jetstream(hqNats).publish(hqStoreSubject('B', 'prices'), '{"for":"B"}');
    const jsm = await jetstreamManager(a, { timeout: DEADLINE_MS });
    expect(await outcome(jsm.consumers.info(STREAMS.hqStores, storeDurable('B')))).not.toBe('ok');
    await violationFor(`$JS.API.CONSUMER.INFO.${STREAMS.hqStores}.${storeDurable('B')}`);

    const next = `$JS.API.CONSUMER.MSG.NEXT.${STREAMS.hqStores}.${storeDurable('B')}`;
    const pulled = a.request(next, JSON.stringify({ batch: 1, expires: 1_000_000_000 }), {
      timeout: DEADLINE_MS,
    });
    expect(await outcome(pulled)).not.toBe('ok');
    await violationFor(next);

    const peek = jsm.consumers.add(STREAMS.hqStores, {
      name: 'peek',
      filter_subject: hqStoreWildcard('B'),
    });
    expect(await outcome(peek)).not.toBe('ok');
    await violationFor(`$JS.API.CONSUMER.CREATE.${STREAMS.hqStores}.peek`);

    // Head office's view: no such consumer, and B's message is still waiting for B.
    const hqJsm = await jetstreamManager(hqNats, { timeout: DEADLINE_MS });
    expect(await outcome(hqJsm.consumers.info(STREAMS.hqStores, 'peek'))).toMatch(/not found/i);
    const b = await hqJsm.consumers.info(STREAMS.hqStores, storeDurable('B'));
    expect(b.num_pending + b.num_ack_pending).toBe(1);
  });

  it('reads the media bucket it is allowed', async () => {
    const media = await new Objm(a).open('media');
    const blob = await media.getBlob('poster');
    expect(new TextDecoder().decode(blob ?? new Uint8Array())).toBe('a poster');
  });

  it('refuses an unknown key at connect', async () => {
    const stranger = connect({
      servers: [...cluster.clientUrls],
      authenticator: nkeyAuthenticator(createUser().getSeed()),
      reconnect: false,
    });
    expect(await outcome(stranger)).toMatch(/authorization violation/i);
  });

  it('the enrolment CLI refuses a used code plainly and leaves the store as it was', async () => {
    const dataA = join(base, 'store-a');
    const again = await runEnrolCli({ hq: hq.url, code: usedCodeA, store: 'A', data: dataA });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/head office answered 403: .*used already/);
    expect(readFileSync(join(dataA, 'hq', 'nkey.seed'), 'utf8').trim()).toBe(
      new TextDecoder().decode(aSeed),
    );
  });

  it('is cut off at once when revoked, and both sides log it', async () => {
    // A's own store server, started only now: its intake pulls s-A, which the checks above
    // pull themselves.
    const dataA = join(base, 'store-a');
    storeA = await launchChainStore('A', dataA, join(dataA, 'hq', 'hq-link.json'));
    await waitFor(
      () => storeA?.logs.some((line) => line.msg === 'head office link: connected'),
      "store A's link to head office",
      60_000,
    );
    const revoking = performance.now();
    const revoked = await admin('POST', '/stores/A/revoke');
    expect(revoked).toMatchObject({ status: 'revoked', liveKeys: 0 });
    await expect.poll(() => a.isClosed(), { timeout: DEADLINE_MS }).toBe(true);
    const closedMs = Math.round(performance.now() - revoking);
    await expect
      .poll(
        () => storeA?.logs.find((line) => /head office refused this store/.test(String(line.msg))),
        {
          timeout: 20_000,
        },
      )
      .toBeDefined();
    const refusedMs = Math.round(performance.now() - revoking);
    expect(hqLogs).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/revoked/) as unknown, store: 'A' }),
    );
    const logged = hqLogs.find((line) => line.store === 'A' && /revoked/.test(String(line.msg)));
    expect(logged?.keys).toEqual([fromSeed(aSeed).getPublicKey()]);
    console.info(
      `revocation: A's connection closed after ${closedMs} ms, its store server logged the refusal after ${refusedMs} ms (${load()})`,
    );
  });
});
