// The stores' requests to head office, end to end on real parts (PostgreSQL, a 3-node cluster, a
// head-office process keeping the users file, a store enrolled with `npm run hq-enrol` running as
// a process): the store says hello and both sides log it; a message the store refuses shows at
// head office in link_refusals and the admin route; `npm run hq-rotate` rotates the store's key
// while the server runs (only the new key connects, the store keeps pulling); a revoked store is
// cut off, with a log line on each side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import {
  chainMsgId,
  encodeLinkMessage,
  hqChainSubject,
  storeInboxPrefix,
} from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, headOfficeKey, storeHolds } from '../support/chain-store';
import { runScript, startRequestsChain, type Logs } from '../support/requests-chain';
import { waitFor } from '../support/test-server';

const STORE = 'lyon-requests';
const NEIGHBOUR = 'villeurbanne';
let chain: Awaited<ReturnType<typeof startRequestsChain>>;

const said = (logs: Logs, message: string) =>
  logs.filter((line) => typeof line.msg === 'string' && line.msg.startsWith(message));
const until = (what: string, check: () => boolean | Promise<boolean>) =>
  waitFor(async () => check(), what, 45_000);
const seed = () => readFileSync(join(chain.dataDir, 'hq', 'nkey.seed'), 'utf8').trim();

async function publishChain(rev: number, message: object) {
  await jetstream(chain.hqNats).publish(
    hqChainSubject('campaign'),
    encodeLinkMessage({ v: 1, rev, ...message }),
    { msgID: chainMsgId('campaign', rev) },
  );
}

/** Whether `seedText` opens the link for the store now. */
async function opens(seedText: string): Promise<boolean> {
  try {
    const nc = await connect({
      servers: [...chain.cluster.clientUrls],
      authenticator: nkeyAuthenticator(new TextEncoder().encode(seedText)),
      inboxPrefix: storeInboxPrefix(STORE),
      maxReconnectAttempts: 0,
    });
    await nc.close();
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  chain = await startRequestsChain(STORE, NEIGHBOUR);
});
afterAll(() => chain?.stop());

describe('a store’s requests to head office', () => {
  it('says hello when it connects; head office answers its heads and neighbours', async () => {
    await until(
      'the store’s hello answered',
      () => said(chain.storeLogs, 'head office link: hello answered').length > 0,
    );
    expect(said(chain.storeLogs, 'head office link: hello answered')[0]).toMatchObject({
      checkpoints: { chain: 0, store: 0 },
      heads: { chain: 0, store: 0 },
      decisions: { chain: 'up-to-date', store: 'up-to-date' },
      neighbours: [NEIGHBOUR],
    });
    expect(said(chain.hq.logs, 'store said hello')).toContainEqual(
      expect.objectContaining({ store: STORE }),
    );
    const seen = await chain.pool.query<{ last_seen_at: Date | null }>(
      'SELECT last_seen_at FROM stores WHERE id = $1',
      [STORE],
    );
    expect(seen.rows[0]?.last_seen_at).toBeInstanceOf(Date);
  });

  it('reports a forged campaign it refused; head office records and lists it', async () => {
    const stranger = headOfficeKey(); // not head office's key: the signature cannot verify
    await publishChain(1, { type: 'campaign', campaign: stranger.sign(campaign('forged', 1)) });
    await until('the refusal listed at head office', async () => {
      const page = await chain.admin('GET', `/link-refusals?store=${STORE}`);
      return (page.json.refusals as unknown[]).length > 0;
    });
    const page = await chain.admin('GET', '/link-refusals');
    expect(page.json.refusals).toEqual([
      expect.objectContaining({
        storeId: STORE,
        subject: hqChainSubject('campaign'),
        rev: 1,
        reason: expect.stringMatching(/signature|key/i) as unknown,
      }),
    ]);
    const rows = await chain.pool.query('SELECT store_id, rev FROM link_refusals');
    expect(rows.rows).toEqual([{ store_id: STORE, rev: '1' }]);
    expect(storeHolds(chain.dataDir)).toMatchObject({ checkpoint: 1, campaigns: [] });
  });

  it('rotates its key beside the running server: only the new key connects, it keeps pulling', async () => {
    const oldSeed = seed();
    const rotated = await runScript('store-server/src/hq-link/rotate-cli.ts', [
      ...['--data', join(chain.dataDir, '..', 'store')],
    ]);
    expect(rotated, rotated.out).toMatchObject({ code: 0 });
    expect(rotated.out).toMatch(/now opens the link with U[A-Z2-7]{55} only/);
    const newSeed = seed();
    expect(newSeed).not.toBe(oldSeed);
    expect(await opens(oldSeed)).toBe(false);
    expect(await opens(newSeed)).toBe(true);
    const keys = await chain.admin('GET', `/stores/${STORE}/keys`);
    expect(
      (keys.json.keys as { retiredAt: string | null }[]).filter((k) => !k.retiredAt),
    ).toHaveLength(1);
    // The server's old-key connection was closed by the reload; it came back with the new seed.
    await until(
      'the store back on the link',
      () => said(chain.storeLogs, 'head office link: back').length > 0,
    );
    const stranger = headOfficeKey();
    await publishChain(2, { type: 'campaign', campaign: stranger.sign(campaign('forged-2', 1)) });
    await until(
      'revision 2 pulled after the rotation',
      () => storeHolds(chain.dataDir).checkpoint === 2,
    );
    // And said hello again on reconnecting.
    await until(
      'a second hello answered',
      () => said(chain.storeLogs, 'head office link: hello answered').length > 1,
    ).catch((error: unknown) => {
      const hellos = chain.storeLogs.filter((line) => /hello|link/.test(String(line.msg)));
      const hq = chain.hq.logs.slice(-25);
      throw new Error(
        `${(error as Error).message}: ${JSON.stringify(hellos)} HQ ${JSON.stringify(hq)}`,
      );
    });
  });

  it('a revoked store is cut off; both sides say so', async () => {
    const refusedLine = 'head office refused this store’s credentials';
    const before = said(chain.storeLogs, refusedLine).length;
    expect((await chain.admin('POST', `/stores/${STORE}/revoke`)).status).toBe(200);
    await until(
      'the store told it was refused',
      () => said(chain.storeLogs, refusedLine).length > before,
    );
    await until('head office’s log line', () =>
      said(chain.hq.logs, 'store revoked').some((line) => line.store === STORE),
    );
    expect(await opens(seed())).toBe(false);
  });
});
