// Keys at head office on real parts: rotation's two steps (both keys open the link, then only
// the new one), and a change made by a head-office process that does not hold the nats-config
// role reaching the cluster through the holder (NOTIFY), faster than its periodic resync.
import { createUser, type KeyPair } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceStoresChanged } from './nats-config';
import { addStoreKey, keepOnlyStoreKey } from './store-keys';
import { newStore, startStoresTestBed } from './test-bed';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;
beforeAll(async () => {
  bed = await startStoresTestBed();
});
afterAll(() => bed?.stop());

const as = (pair: KeyPair) =>
  connect({
    servers: bed.node.url,
    authenticator: nkeyAuthenticator(pair.getSeed()),
    reconnect: false,
  });
/** Connects as `pair` as soon as the node accepts it. */
async function connectWhenLive(pair: KeyPair) {
  for (const deadline = Date.now() + 10_000; ;) {
    try {
      return await as(pair);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function enrol(storeId: string, pair: KeyPair, via = bed.hq) {
  await bed.call('POST', '/stores', newStore(storeId), { via });
  const { json: issued } = await bed.call('POST', `/stores/${storeId}/enrol-codes`, {}, { via });
  const body = { code: issued.code, storeId, publicKey: pair.getPublicKey() };
  expect((await bed.call('POST', '/enrol', body, { token: null, via })).status).toBe(200);
}

describe('store keys', () => {
  it('rotates: a second key opens the link beside the first, a third is refused, then only the new one', async () => {
    const [old, fresh] = [createUser(), createUser()];
    await enrol('K1', old);
    const pool = bed.hq.pool;
    expect(await addStoreKey(pool, 'K1', fresh.getPublicKey())).toBe(2);
    expect(await addStoreKey(pool, 'K1', fresh.getPublicKey())).toBe(2); // a retry is no change
    await expect(addStoreKey(pool, 'K1', createUser().getPublicKey())).rejects.toThrow(
      /2 live keys/,
    );
    await expect(addStoreKey(pool, 'K1', `U${'A'.repeat(55)}`)).rejects.toThrow(/nkey/);
    await announceStoresChanged(pool);
    const [viaOld, viaNew] = await Promise.all([as(old), connectWhenLive(fresh)]);

    await expect(keepOnlyStoreKey(pool, 'K1', createUser().getPublicKey())).rejects.toThrow(
      /not a live key/,
    );
    expect(await keepOnlyStoreKey(pool, 'K1', fresh.getPublicKey())).toEqual([old.getPublicKey()]);
    await announceStoresChanged(pool);
    await expect.poll(() => viaOld.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(viaNew.isClosed()).toBe(false);
    await viaNew.close();
    expect((await bed.call('GET', '/stores/K1')).json.liveKeys).toBe(1);
  });

  it('a process without the role enrols and revokes, and the holder applies it at once', async () => {
    const second = await bed.startHeadOfficeProcess();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.heldRoles()).not.toContain('nats-config');
    const pair = createUser();
    const enrolling = performance.now();
    await enrol('P2', pair, second);
    const nc = await connectWhenLive(pair);
    const liveMs = performance.now() - enrolling;

    const revoking = performance.now();
    await bed.call('POST', '/stores/P2/revoke', undefined, { via: second });
    await expect.poll(() => nc.isClosed(), { timeout: 10_000 }).toBe(true);
    const closedMs = performance.now() - revoking;
    // Well inside the 5 s resync: the holder heard the NOTIFY.
    expect(Math.max(liveMs, closedMs)).toBeLessThan(4_000);
    console.info(
      `through another process: key live after ${Math.round(liveMs)} ms, revoked connection closed after ${Math.round(closedMs)} ms`,
    );
  });
});
