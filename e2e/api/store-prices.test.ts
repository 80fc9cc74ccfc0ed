// Store prices through a running store server: a local inventory feed gives
// this store its own price (on its screens) and Lyon another (in the staff
// stock check only); a manager corrects one item's price with a note, the
// audit says who and what; the next import naming it sets the price again and
// says so in the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes, feedIdOf, itemPriceOf, type Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';

type Client = ReturnType<typeof apiClient<typeof apiRoutes>>;

let server: StoreServer;
let manager: Client;
let staffToken: string;
let product: Product;

async function signIn(userId: string): Promise<string> {
  const anonymous = apiClient(apiRoutes, { baseUrl: server.url });
  return (await anonymous.auth.login({ body: { userId, password: 'vitrine-demo' } })).token;
}

/** An incremental local inventory through the import routes, as the console sends it. */
async function importInventory(lines: string[]): Promise<void> {
  const job = await manager.imports.createImport({
    body: { mode: 'incremental', language: 'fr' },
  });
  const body = ['store_code\tid\tquantity\tprice', ...lines].join('\n');
  await manager.imports.uploadFeed({
    params: { id: job.id, kind: 'inventory' },
    query: { name: 'prix.tsv' },
    body: new TextEncoder().encode(body),
  });
  await manager.imports.runImport({ params: { id: job.id } });
  await server.imports.idle();
  const ended = await manager.imports.import({ params: { id: job.id } });
  expect(ended.state).toBe('applied');
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;
const stored = () => server.docs.get<Product>('products', product.id)!;

beforeAll(async () => {
  server = await startTestServer();
  const token = await signIn('manager');
  manager = apiClient(apiRoutes, { baseUrl: server.url, authorization: () => `Bearer ${token}` });
  staffToken = await signIn('staff');
  // A product with a code and two items at one price.
  product = server.docs
    .all<Product>('products')
    .find(
      (each) =>
        each.gtin !== undefined &&
        each.variants.length >= 2 &&
        new Set(each.variants.map((v) => itemPriceOf(each, v.id).priceCents)).size === 1 &&
        !each.sale,
    )!;
  expect(product).toBeDefined();
});
afterAll(async () => {
  await server?.close();
});

describe("a store's prices and their corrections", () => {
  it("shows this store's price on its screens and Lyon's in the staff stock check", async () => {
    const [first] = product.variants;
    const chain = product.priceCents;
    await importInventory([
      `paris-rivoli\t${feedIdOf(first!.id)}\t4\t${euros(chain + 100)}`,
      `lyon-bellecour\t${feedIdOf(first!.id)}\t2\t${euros(chain - 100)}`,
    ]);
    expect(itemPriceOf(stored(), first!.id).priceCents).toBe(chain + 100);
    // The product is still "from" the chain's price: its other items did not move.
    expect(stored().priceCents).toBe(chain);

    const staff = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${staffToken}`,
    });
    const check = await staff.stock.check({ query: { q: product.gtin! } });
    const result = check.results.find((each) => each.product.id === product.id)!;
    const lyon = result.storePrices.filter((price) => price.locationId === 'lyon-bellecour');
    expect(lyon).toEqual([
      {
        locationId: 'lyon-bellecour',
        variantId: first!.id,
        priceCents: chain - 100,
        nowCents: chain - 100,
      },
    ]);
    // Marseille has no price of its own: the chain's, which differs from this store's here.
    expect(result.storePrices).toContainEqual({
      locationId: 'marseille-prado',
      variantId: first!.id,
      priceCents: chain,
      nowCents: chain,
    });
    // Where every store sells at this store's price, nothing is listed.
    expect(result.storePrices.some((price) => price.variantId === product.variants[1]!.id)).toBe(
      false,
    );
  });

  it("audits a manager's correction of one item, and the import that sets it again", async () => {
    const second = product.variants[1]!;
    const before = itemPriceOf(stored(), second.id).priceCents;
    const changed = await manager.stock.setPrice({
      params: { id: product.id },
      body: { priceCents: before - 50, variantId: second.id, note: 'étiquette en rayon' },
    });
    expect(changed.correction).toMatchObject({
      productId: product.id,
      variantId: second.id,
      before,
      after: before - 50,
      source: 'manager',
      note: 'étiquette en rayon',
      userId: 'manager',
    });
    expect(itemPriceOf(stored(), second.id).priceCents).toBe(before - 50);
    // The first item keeps this store's price from the feed.
    expect(itemPriceOf(stored(), product.variants[0]!.id).priceCents).toBe(
      product.priceCents + 100,
    );

    // An import naming that item sets its price again, and says so under the correction.
    await importInventory([`paris-rivoli\t${feedIdOf(second.id)}\t3\t${euros(before + 200)}`]);
    expect(itemPriceOf(stored(), second.id).priceCents).toBe(before + 200);
    const { corrections } = await manager.stock.priceCorrections({
      query: { productId: product.id },
    });
    expect(corrections.map(({ source, before: b, after }) => [source, b, after])).toEqual([
      ['import', before - 50, before + 200],
      ['manager', before, before - 50],
    ]);
  });

  it('answers bad corrections with a clear 4xx and changes nothing', async () => {
    const head = server.docs.head();
    const probe = (body: unknown, token = staffToken) =>
      fetchRoute(server.url, apiRoutes.stock.setPrice, {
        params: { id: product.id },
        body,
        token,
      });
    const managerToken = await signIn('manager');
    expect((await probe({ priceCents: 100 })).status).toBe(403);
    expect((await probe({ priceCents: 100, note: 'x'.repeat(201) }, managerToken)).status).toBe(
      400,
    );
    const unknownItem = await probe({ priceCents: 100, variantId: 'NOPE' }, managerToken);
    expect(unknownItem.status).toBe(404);
    expect(await unknownItem.json()).toMatchObject({ error: { code: 'unknown_product' } });
    expect(
      (
        await fetchRoute(server.url, apiRoutes.stock.priceCorrections, {
          query: { productId: product.id },
          token: staffToken,
        })
      ).status,
    ).toBe(403);
    expect(server.docs.head()).toBe(head);
  });
});
