// A chain store's link, end to end on real parts: a store-server process started with
// --hq-link pulls what head office publishes on a 3-node cluster, applies it in order (a gap
// waits for the missing revision), survives a kill -9 and catches up on what was published
// while it was down, and refuses a forged campaign without blocking what follows.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import {
  apiRoutes,
  callRoute,
  routeUrl,
  canonicalJson,
  chainMsgId,
  encodeLinkMessage,
  hqChainSubject,
  FleetSummary,
  STREAMS,
  storeSubjects,
  type SignedCampaign,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChainParts, type ChainParts } from '../support/chain-parts';
import {
  enrolAndApprove,
  freePort,
  TEST_ADMIN_TOKEN,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'lyon-part-dieu';

function headOfficeKey(): { anchor: TrustAnchor; sign: (c: SignedContent) => SignedCampaign } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const x = privateKey.export({ format: 'jwk' }).x!;
  const keyId = `ho-${createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16)}`;
  return {
    anchor: { keyId, publicKey: x },
    sign: (content) => {
      const payload = canonicalJson(content);
      const signature = sign(null, Buffer.from(payload), privateKey).toString('base64url');
      return { id: content.id, payload, signature, keyId };
    },
  };
}

const campaign = (id: string, revision: number): SignedContent => ({
  v: 1,
  id,
  name: `Campaign ${id}`,
  revision,
  layout: {
    id: 'full',
    zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p1' }],
  },
  playlists: [
    {
      id: 'p1',
      items: [
        { id: 'i1', kind: 'ticker', durationMs: 5_000, text: { fr: 'Bonjour', en: 'Hello' } },
      ],
    },
  ],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2026-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 10,
  shareOfVoice: 1,
  emergency: false,
});

let dir: string;
let parts: ChainParts;
let js: JetStreamClient;
let store: ServerProcess | undefined;
let dataDir: string;
let linkFile: string;
const hq = headOfficeKey();

async function startStore(): Promise<ServerProcess> {
  return spawnServer({
    dataDir,
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: STORE },
    extraArgs: ['--plain', 'on', '--hq-link', linkFile],
  });
}

/** What the store holds, read from its database as the screens' sync would serve it. */
function held(): { checkpoint: number; campaigns: string[]; refused: number } {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const checkpoint = db.prepare("SELECT rev FROM hq_checkpoints WHERE stream = 'chain'").get() as
      { rev: number } | undefined;
    const campaigns = (
      db
        .prepare(
          "SELECT id FROM sync_docs WHERE collection = 'campaigns' AND deleted = 0 ORDER BY id",
        )
        .all() as { id: string }[]
    ).map((row) => row.id);
    const refused = (db.prepare('SELECT COUNT(*) AS n FROM link_refusals').get() as { n: number })
      .n;
    return { checkpoint: checkpoint?.rev ?? 0, campaigns, refused };
  } finally {
    db.close();
  }
}

async function publish(rev: number, signed: SignedCampaign): Promise<void> {
  await js.publish(
    hqChainSubject('campaign'),
    encodeLinkMessage({ v: 1, rev, type: 'campaign', campaign: signed }),
    { msgID: chainMsgId('campaign', rev) },
  );
}

const until = (what: string, check: () => boolean) =>
  waitFor(() => Promise.resolve(check()), what, 30_000);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-store-link-'));
  dataDir = join(dir, 'store');
  parts = await startChainParts(join(dir, 'chain'), [{ id: STORE }]);
  js = jetstream(parts.hq);
  linkFile = parts.writeStoreLink(STORE, dataDir, hq.anchor);
  store = await startStore();
});

afterAll(async () => {
  await store?.kill('SIGKILL');
  await parts?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a chain store pulls what head office publishes', () => {
  it('applies a campaign, holds a later revision until the missing one arrives', async () => {
    await publish(1, hq.sign(campaign('spring', 1)));
    await until('revision 1 applied', () => held().checkpoint === 1);
    expect(held().campaigns).toEqual(['spring']);

    await publish(3, hq.sign(campaign('winter', 1)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(held()).toMatchObject({ checkpoint: 1, campaigns: ['spring'] });
    await publish(2, hq.sign(campaign('summer', 1)));
    await until('revisions 2 and 3 applied', () => held().checkpoint === 3);
    expect(held().campaigns).toEqual(['spring', 'summer', 'winter']);
  });

  it('hands its screens head office’s key to pin, not a key of its own', async () => {
    const anchor = await callRoute({ baseUrl: store!.url }, apiRoutes.campaigns.trustAnchor, {});
    expect(anchor).toEqual(hq.anchor);
  });

  it('refuses campaign writes: they are made at head office (409, not a signature error)', async () => {
    const asAdmin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const approve = await fetch(
      routeUrl(store!.url, apiRoutes.campaigns.approve, { params: { id: 'spring' } }),
      { method: 'POST', headers: asAdmin },
    );
    expect(approve.status).toBe(409);
    expect(await approve.json()).toMatchObject({ error: { code: 'managed_by_head_office' } });
    // Reading what head office sent still works.
    const list = await fetch(routeUrl(store!.url, apiRoutes.campaigns.list, {}), {
      headers: asAdmin,
    });
    expect(list.status).toBe(200);
  });

  it('refuses a forged campaign on record and goes on with the next', async () => {
    const forged = {
      ...hq.sign(campaign('forged', 1)),
      signature: hq.sign(campaign('other', 1)).signature,
    };
    await publish(4, forged);
    await publish(5, hq.sign(campaign('autumn', 1)));
    await until('revision 5 applied', () => held().checkpoint === 5);
    expect(held()).toMatchObject({ refused: 1 });
    expect(held().campaigns).not.toContain('forged');
    expect(held().campaigns).toContain('autumn');
  });

  it('catches up after a kill -9 on what was published while it was down', async () => {
    await store!.kill('SIGKILL');
    await publish(6, hq.sign(campaign('sale', 1)));
    await publish(7, hq.sign(campaign('sale', 2)));
    store = await startStore();
    await until('revision 7 applied after the restart', () => held().checkpoint === 7);
    expect(held().campaigns).toContain('sale');
  });

  it('tells head office about its screens (the fleet stream keeps the latest summary)', async () => {
    const kiosk = await enrolAndApprove(store!.url, 'kiosk');
    const latest = async () => {
      const message = await parts.jsm.streams.getMessage(STREAMS.fleet, {
        last_by_subj: storeSubjects(STORE).fleet,
      });
      return message ? FleetSummary.parse(message.json()) : null;
    };
    let summary: FleetSummary | null = null;
    await waitFor(
      async () => {
        summary = await latest().catch(() => null);
        return summary?.devices.some((device) => device.deviceId === kiosk.deviceId) ?? false;
      },
      'a fleet summary naming the new kiosk',
      90_000,
    );
    expect(summary!.devices.find((device) => device.deviceId === kiosk.deviceId)).toMatchObject({
      app: 'kiosk',
      status: 'offline',
    });
  });
});
