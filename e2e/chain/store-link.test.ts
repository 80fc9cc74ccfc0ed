// A chain store's link, end to end on real parts: a store-server process started with
// --hq-link pulls what head office publishes on a 3-node cluster, applies it in order (a gap
// waits for the missing revision), survives a kill -9 and catches up on what was published
// while it was down, and refuses a forged campaign without blocking what follows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import {
  apiRoutes,
  callRoute,
  routeUrl,
  chainMsgId,
  encodeLinkMessage,
  hqChainSubject,
  FleetSummary,
  isWithdrawal,
  STORE_EMERGENCY_ID,
  STREAMS,
  verifySignedCampaign,
  storeSubjects,
  type SignedCampaign,
} from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChainParts, type ChainParts } from '../support/chain-parts';
import { campaign, headOfficeKey, storeDoc, storeHolds } from '../support/chain-store';
import {
  enrolAndApprove,
  freePort,
  TEST_ADMIN_TOKEN,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'lyon-part-dieu';

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
const held = () => {
  const holds = storeHolds(dataDir);
  return { ...holds, refused: holds.refusals.length };
};

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

  it('hands its screens head office’s key to pin, and its own for its emergency message only', async () => {
    const anchor = await callRoute({ baseUrl: store!.url }, apiRoutes.campaigns.trustAnchor, {});
    expect({ keyId: anchor.keyId, publicKey: anchor.publicKey }).toEqual(hq.anchor);
    expect(anchor.storeEmergency?.keyId).toBeDefined();
    expect(anchor.storeEmergency?.keyId).not.toBe(hq.anchor.keyId);
  });

  it('still lets the store post its own emergency message, which its screens can verify', async () => {
    const asAdmin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const text = { fr: 'Évacuez le magasin', en: 'Please leave the store' };
    const push = (origin: 'store' | 'head-office') =>
      fetch(routeUrl(store!.url, apiRoutes.campaigns.pushEmergency, { params: { origin } }), {
        method: 'PUT',
        headers: { ...asAdmin, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    const fromHq = await push('head-office');
    expect(fromHq.status).toBe(409);
    expect(await fromHq.json()).toMatchObject({ error: { code: 'managed_by_head_office' } });
    expect((await push('store')).status).toBe(200);
    await until('the store emergency held', () => held().campaigns.includes(STORE_EMERGENCY_ID));
    // The envelope the screens get verifies with the store's key only for this message.
    const offer = await callRoute({ baseUrl: store!.url }, apiRoutes.campaigns.trustAnchor, {});
    const envelope = storeDoc(dataDir, 'campaigns', STORE_EMERGENCY_ID);
    const verified = await verifySignedCampaign(envelope, hq.anchor, offer.storeEmergency);
    expect(verified.ok && !isWithdrawal(verified.value) && verified.value.emergency).toBe(true);
    expect((await verifySignedCampaign(envelope, hq.anchor)).ok).toBe(false);
    const clear = await fetch(
      routeUrl(store!.url, apiRoutes.campaigns.clearEmergency, { params: { origin: 'store' } }),
      { method: 'DELETE', headers: asAdmin },
    );
    expect(clear.status).toBe(200);
    await until('the store emergency withdrawn', () => {
      const after = storeDoc(dataDir, 'campaigns', STORE_EMERGENCY_ID);
      return after !== undefined && JSON.stringify(after).includes('withdrawn');
    });
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

  it('imports its own inventory but refuses the chain’s products (409, with where they come from)', async () => {
    const staffCall = { baseUrl: store!.url, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` };
    const job = await callRoute(staffCall, apiRoutes.imports.createImport, {
      body: { mode: 'incremental' },
    });
    const upload = (kind: 'products' | 'inventory') =>
      fetch(routeUrl(store!.url, apiRoutes.imports.uploadFeed, { params: { id: job.id, kind } }), {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/csv' },
        body: 'id,title\n',
      });
    const products = await upload('products');
    expect(products.status).toBe(409);
    expect(await products.json()).toMatchObject({
      error: { code: 'managed_by_head_office', message: /head office .*inventory/ },
    });
    expect((await upload('inventory')).status).toBe(200);
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
