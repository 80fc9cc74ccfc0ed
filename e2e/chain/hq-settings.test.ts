// The screens' settings authored at head office, end to end on real parts (PostgreSQL, a 3-node
// NATS cluster, a head-office process, a store-server process): the chain's settings reach the
// store's settings document, the store's own win over them, a currency neither names stays as
// the store's first start set it, and bad input is refused with a clear 4xx.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, type StoreSettings } from '@vitrine/shared/core';
import { startCatalogueChain } from '../support/catalogue-chain';
import { waitFor } from '../support/test-server';

const STORE = 'geneve';
let chain: Awaited<ReturnType<typeof startCatalogueChain>>;

/** The store's settings document, as its screens would pull it. */
function settingsDoc(): StoreSettings | undefined {
  const db = new Database(join(chain.dataDir, 'store.sqlite'), { readonly: true });
  try {
    const body = db
      .prepare(
        "SELECT body FROM sync_docs WHERE collection = 'settings' AND id = ? AND deleted = 0",
      )
      .pluck()
      .get(STORE) as string | undefined;
    return body === undefined ? undefined : (JSON.parse(body) as StoreSettings);
  } finally {
    db.close();
  }
}

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => (error instanceof ApiCallError ? [error.status, error.code] : error),
  );

beforeAll(async () => {
  chain = await startCatalogueChain(STORE);
  await chain.startStore();
}, 180_000);

afterAll(async () => {
  await chain?.stop();
});

describe('settings authored at head office', () => {
  it("reach the store's screens: the chain's, then the store's own over them", async () => {
    const before = await waitFor(() => Promise.resolve(settingsDoc()), 'the first-start document');
    const skills = { 'mode-homme': 'style' as const };
    const chainSaved = await chain.admin.settings.putChain({
      body: { skillsByDepartment: skills },
    });
    expect(chainSaved).toMatchObject({ scope: 'chain', settings: { skillsByDepartment: skills } });
    expect(chainSaved.updatedAt).not.toBeNull();
    const withChain = await waitFor(
      () => Promise.resolve(settingsDoc()?.skillsByDepartment ? settingsDoc() : undefined),
      "the chain's settings at the store",
      30_000,
    );
    // Head office named no currency: the store's own stays.
    expect(withChain).toEqual({ ...before, skillsByDepartment: skills });

    await chain.admin.settings.putStore({ params: { id: STORE }, body: { currency: 'CHF' } });
    const withOwn = await waitFor(
      () => Promise.resolve(settingsDoc()?.currency === 'CHF' ? settingsDoc() : undefined),
      "the store's own settings",
      30_000,
    );
    expect(withOwn).toEqual({ id: STORE, currency: 'CHF', skillsByDepartment: skills });
    expect(await chain.admin.settings.getStore({ params: { id: STORE } })).toMatchObject({
      scope: STORE,
      settings: { currency: 'CHF' },
    });
  }, 90_000);

  it('refuses an unknown store and a malformed body with a 4xx, changing nothing', async () => {
    const held = await chain.admin.settings.getChain();
    expect(
      await refusal(chain.admin.settings.putStore({ params: { id: 'nowhere' }, body: {} })),
    ).toEqual([404, 'not_found']);
    expect(
      await refusal(
        chain.admin.settings.putChain({ body: { currency: 'euros' } as unknown as StoreSettings }),
      ),
    ).toEqual([400, 'invalid_request']);
    expect(await chain.admin.settings.getChain()).toEqual(held);
    const unsent = await chain.pool.query(
      "SELECT 1 FROM link_outbox WHERE kind = 'settings' AND published_at IS NULL",
    );
    expect(unsent.rowCount).toBe(0);
  });
});
