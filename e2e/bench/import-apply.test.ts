// While an import applies (its worker writes the new catalogue in one
// transaction), the store server keeps answering scans with the catalogue it
// had, and a write that arrives meanwhile (the stock system's PUT) waits for
// the commit and then goes through: not lost, not a 5xx. Stopped before its
// commit, the server stops it rather than waiting for it. A server process of
// its own, real SQLite, the import routes over HTTP.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes, routeUrl, type ImportJob } from '@vitrine/shared/core';
import { importRemote } from '../../store-server/src/import/cli-remote';
import {
  freePort,
  spawnServer,
  TEST_ADMIN_TOKEN,
  type ServerProcess,
} from '../support/server-process';
import { freshDataDir } from '../support/test-server';
import { writeChainFeeds } from './import.bench';

/** A scan (or a poll) answered later than this while the import applies fails the test. */
const SCAN_BOUND_MS = 1_000;

let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = freshDataDir('vitrine-import-apply');
  server = await spawnServer({
    dataDir,
    scale: 20,
    httpPort: await freePort(),
    mqttPort: await freePort(),
  });
});

afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an import applying', () => {
  it('leaves scans answered and holds a write back until its commit', async () => {
    const target = { url: server.url, token: TEST_ADMIN_TOKEN };
    const client = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${TEST_ADMIN_TOKEN}`,
    });
    // A first, small catalogue: the code scanned below is known before the big import.
    const small = join(dataDir, 'small');
    mkdirSync(small);
    const first = await writeChainFeeds(small, { products: 50, variantsPerProduct: 3, stores: 3 });
    const before = await importRemote(
      target,
      { stores: first.stores, products: first.products, inventory: first.inventory },
      { mode: 'full', language: 'fr' },
    );
    expect(before.state, before.reason).toBe('applied');

    // Then one large enough that its apply takes a while (8,000 documents).
    const large = join(dataDir, 'large');
    mkdirSync(large);
    const feeds = await writeChainFeeds(large, {
      products: 4_000,
      variantsPerProduct: 3,
      stores: 3,
    });
    const scanUrl = routeUrl(server.url, apiRoutes.stock.byCode, {
      params: { code: first.firstGtin },
    });
    const scans: { started: number; ended: number; status: number }[] = [];
    let applyingAt: number | undefined;
    let endedAt: number | undefined;
    let write: Promise<{ status: number; at: number }> | undefined;

    const importing = importRemote(
      target,
      { stores: feeds.stores, products: feeds.products, inventory: feeds.inventory },
      { mode: 'full', language: 'fr' },
    ).finally(() => (endedAt ??= performance.now()));
    const scanner = (async () => {
      while (endedAt === undefined) {
        const started = performance.now();
        const response = await fetch(scanUrl, {
          headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        });
        await response.arrayBuffer();
        scans.push({ started, ended: performance.now(), status: response.status });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // Follows the job: when it says "applying", the stock system sets a quantity.
    const watcher = (async () => {
      while (endedAt === undefined) {
        const { imports } = await client.imports.imports({});
        const job: ImportJob | undefined = imports[0];
        if (job?.progress.phase === 'applying' && applyingAt === undefined) {
          applyingAt = performance.now();
          write = fetch(routeUrl(server.url, apiRoutes.stock.setStock, { params: { id: 'P0' } }), {
            method: 'PUT',
            headers: {
              authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ locationId: 'S000', variantId: 'P000000-S', quantity: 77 }),
          }).then(async (response) => {
            await response.arrayBuffer();
            return { status: response.status, at: performance.now() };
          });
        }
        const over = job && job.id !== before.id && !['created', 'running'].includes(job.state);
        if (over) endedAt ??= performance.now();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const job = await importing;
    await Promise.all([scanner, watcher]);
    expect(job.state, job.reason).toBe('applied');
    expect(applyingAt, 'the job was seen applying').toBeDefined();

    // Scans that began and ended while the import applied: answered, in time, with the old catalogue.
    const during = scans.filter((scan) => scan.started >= applyingAt! && scan.ended <= endedAt!);
    expect(during.length).toBeGreaterThanOrEqual(3);
    for (const scan of during) {
      expect(scan.status).toBe(200);
      expect(scan.ended - scan.started).toBeLessThan(SCAN_BOUND_MS);
    }
    expect(job.loopStalls?.apply).toBeLessThan(SCAN_BOUND_MS);

    // The write that came during the apply went through after the commit, on top of the import.
    const written = await write!;
    expect(written.status).toBe(200);
    const scanned = await client.stock.byCode({ params: { code: first.firstGtin } });
    const s000 = scanned.stock?.levels.find((level) => level.locationId === 'S000');
    expect(s000?.quantities['P000000-S']).toBe(77);
  }, 120_000);

  it('is stopped, not waited for, when the server stops before its commit', async () => {
    const target = { url: server.url, token: TEST_ADMIN_TOKEN };
    const client = () =>
      apiClient(apiRoutes, {
        baseUrl: server.url,
        authorization: () => `Bearer ${TEST_ADMIN_TOKEN}`,
      });
    const before = await client().stock.byCode({ params: { code: '3000000000007' } });
    const large = join(dataDir, 'large');
    const importing = importRemote(
      target,
      {
        stores: join(large, 'stores.tsv'),
        products: join(large, 'products.tsv'),
        inventory: join(large, 'inventory.tsv'),
      },
      { mode: 'full', language: 'fr' },
    ).catch((error: unknown) => error);
    // Stopped while it reads its feeds.
    for (;;) {
      const { imports } = await client().imports.imports({});
      if (imports[0]?.state === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await server.kill('SIGTERM');
    await importing;

    server = await spawnServer({
      dataDir,
      scale: 20,
      httpPort: await freePort(),
      mqttPort: await freePort(),
    });
    const { imports } = await client().imports.imports({});
    expect(imports[0]?.state).toBe('interrupted');
    const after = await client().stock.byCode({ params: { code: '3000000000007' } });
    expect(after.product).toEqual(before.product);
  }, 120_000);
});
