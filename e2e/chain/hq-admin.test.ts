// Head office's admin API end to end on real parts: PostgreSQL 15, a 3-node NATS cluster, a head
// office in this process (its own link: publisher, fleet ingestion) and a store-server process
// started with --hq-link. A campaign published over HTTP is held by the store; media uploaded
// over HTTP is served by the store once a campaign names it; the store's enrolled kiosk shows
// up in GET /fleet with its status, and leaves it when the store revokes it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_PREFIX,
  apiRoutes,
  callRoute,
  routeUrl,
  type HqScreen,
  type MediaRef,
} from '@vitrine/shared/core';
import { testDraft } from '../../head-office/src/campaigns/test-draft';
import { startTestPostgres, type TestPostgres } from '../../head-office/src/local/test-postgres';
import { startHeadOffice, type HeadOffice } from '../../head-office/src/server';
import { startChainParts, type ChainParts } from '../support/chain-parts';
import {
  enrolAndApprove,
  freePort,
  spawnServer,
  TEST_ADMIN_TOKEN,
  type ServerProcess,
} from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'nantes';
const HQ_TOKEN = 'hq-admin-token-0123456789';
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('the poster head office uploaded'),
]);

let dir: string;
let parts: ChainParts | undefined;
let postgres: TestPostgres | undefined;
let hq: HeadOffice | undefined;
let store: ServerProcess | undefined;
let dataDir: string;

/** A call to head office's API with the admin token; the body is JSON unless it is bytes. */
async function hqCall(method: string, path: string, body?: unknown) {
  const raw = Buffer.isBuffer(body);
  const response = await fetch(`${hq!.url}${API_PREFIX}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${HQ_TOKEN}`,
      'content-type': raw ? 'application/octet-stream' : 'application/json',
    },
    body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The campaigns the store holds, as its screens' sync would serve them. */
function heldCampaigns(): string[] {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          "SELECT id FROM sync_docs WHERE collection = 'campaigns' AND deleted = 0 ORDER BY id",
        )
        .all() as { id: string }[]
    ).map((row) => row.id);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-hq-admin-'));
  dataDir = join(dir, 'store');
  [parts, postgres] = await Promise.all([
    startChainParts(join(dir, 'chain'), [{ id: STORE }]),
    startTestPostgres(),
  ]);
  const seedFile = join(dir, 'hq.seed');
  writeFileSync(seedFile, parts.hqSeed, { mode: 0o600 });
  hq = await startHeadOffice({
    databaseUrl: await postgres.freshDatabase(),
    httpHost: '127.0.0.1',
    httpPort: 0,
    natsUrls: [...parts.cluster.clientUrls],
    natsSeedFile: seedFile,
    adminToken: HQ_TOKEN,
    dataDir: join(dir, 'hq'),
    logLevel: 'warn',
  });
  const created = await hqCall('POST', '/stores', {
    id: STORE,
    name: 'Nantes',
    region: { id: 'west', name: 'West' },
    timeZone: 'Europe/Paris',
    currency: 'EUR',
  });
  expect(created.status).toBe(201);
  const linkFile = parts.writeStoreLink(STORE, dataDir, hq.signingKey.anchor);
  store = await spawnServer({
    dataDir,
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: STORE },
    extraArgs: ['--plain', 'on', '--hq-link', linkFile],
  });
});

afterAll(async () => {
  await store?.kill('SIGKILL');
  await hq?.stop();
  await parts?.stop();
  await postgres?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('head office’s admin API reaches a real store', () => {
  it('a campaign published over HTTP is held by the store', async () => {
    const published = await hqCall('POST', '/campaigns', testDraft({ id: 'winter-sale' }));
    expect(published).toMatchObject({ status: 201, json: { revision: 1, audience: 'all' } });
    await waitFor(() => heldCampaigns().includes('winter-sale'), 'the store holds it', 45_000);
  });

  it('media uploaded over HTTP is served by the store once a campaign names it', async () => {
    // 503 until head office's link has its streams: the upload is tried again until then.
    const uploaded = await waitFor(
      async () => {
        const answer = await hqCall('POST', '/media?name=poster.png', PNG);
        return answer.status === 503 ? undefined : answer;
      },
      'head office takes uploads',
      30_000,
    );
    expect(uploaded).toMatchObject({ status: 201, json: { type: 'image/png', size: PNG.length } });
    const media = { sha256: uploaded.json.sha256, type: 'image/png', size: PNG.length } as MediaRef;
    const served = () =>
      fetch(routeUrl(store!.url, apiRoutes.campaigns.media, { params: { sha256: media.sha256 } }));
    expect((await served()).status).toBe(404);

    const campaign = testDraft({
      id: 'poster',
      targeting: { stores: [STORE], regions: [], groups: [], tags: [] },
      playlists: [{ id: 'p1', items: [{ id: 'img', kind: 'image', durationMs: 8_000, media }] }],
    });
    expect((await hqCall('POST', '/campaigns', campaign)).json).toMatchObject({
      audience: [STORE],
    });
    await waitFor(() => heldCampaigns().includes('poster'), 'the store holds the poster', 45_000);
    const answer = await served();
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('the store’s kiosk shows in GET /fleet with its status, and leaves when revoked', async () => {
    const kiosk = await enrolAndApprove(store!.url, 'kiosk');
    const screens = async () =>
      ((await hqCall('GET', `/fleet?store=${STORE}`)).json.screens as HqScreen[]) ?? [];
    const listed = await waitFor(
      async () => (await screens()).find((screen) => screen.deviceId === kiosk.deviceId),
      'the kiosk in head office’s fleet',
      90_000,
    );
    // Enrolled, never connected: offline, its last contact when it was approved.
    expect(listed).toMatchObject({ storeId: STORE, app: 'kiosk', status: 'offline' });
    expect(Date.parse(listed.lastContact)).toBeGreaterThan(Date.now() - 5 * 60_000);
    const all = await hqCall('GET', '/fleet?app=kiosk&region=west');
    expect(all.json).toMatchObject({ counts: { offline: 1, online: 0 } });

    const asAdmin = { baseUrl: store!.url, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` };
    await callRoute(asAdmin, apiRoutes.devices.revoke, { params: { id: kiosk.deviceId } });
    await waitFor(
      async () => !(await screens()).some((screen) => screen.deviceId === kiosk.deviceId),
      'the revoked kiosk gone from head office’s fleet',
      90_000,
    );
  });
});
