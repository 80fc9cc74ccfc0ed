// A catalogue import through a running store server, as a manager's tools do
// it: create, upload (streamed), run, follow the events, read the report; the
// CLI against the same server; and who may not.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  apiRoutes,
  ApiCallError,
  routeUrl,
  type ImportJob,
  type Product,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';

const run = promisify(execFile);
const FEED = [
  'id\ttitle\ttitle@en\tprice\tbrand\tproduct_type\tproduct_type@en\tgtin',
  'DRILL-18V\tPerceuse 18 V\tCordless drill 18 V\t129.00 EUR\tOutilo\tBricolage > Outillage\tDIY > Tools\t3017620422003',
  'PAINT-W\tPeinture blanche 2,5 L\tWhite paint 2.5 L\t34.90 EUR\tColora\tBricolage > Peinture\tDIY > Paint\t',
].join('\n');

let server: StoreServer;
let dir: string;
let manager: ReturnType<typeof apiClient<typeof apiRoutes>>;
let staffToken: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'vitrine-import-e2e-'));
  const anonymous = apiClient(apiRoutes, { baseUrl: server.url });
  const session = await anonymous.auth.login({
    body: { userId: 'manager', password: 'vitrine-demo' },
  });
  manager = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${session.token}`,
  });
  staffToken = (await anonymous.auth.login({ body: { userId: 'staff', password: 'vitrine-demo' } }))
    .token;
});
afterAll(async () => {
  await server?.close();
});

/** The job's events until it ends, read from the SSE stream as a browser would. */
async function eventsUntilEnd(id: string): Promise<ImportJob[]> {
  const response = await fetch(
    routeUrl(server.url, apiRoutes.imports.importEvents, { params: { id } }),
    { headers: { authorization: `Bearer ${server.adminToken}` } },
  );
  const jobs: ImportJob[] = [];
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    for (const [, data] of text.matchAll(/^event: job\ndata: (.*)$/gm)) {
      jobs.push(JSON.parse(data!) as ImportJob);
    }
    text = text.slice(text.lastIndexOf('\n\n') + 2);
    if (['applied', 'refused', 'failed'].includes(jobs.at(-1)?.state ?? '')) break;
  }
  await reader.cancel();
  return jobs;
}

describe('a catalogue import through the store server', () => {
  it('uploads, runs and applies a feed; the product scans and the report downloads', async () => {
    const job = await manager.imports.createImport({
      body: { mode: 'incremental', language: 'fr' },
    });
    expect(job).toMatchObject({ state: 'created', by: 'manager', files: [] });
    const uploaded = await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      query: { name: 'bricolage.tsv' },
      body: new TextEncoder().encode(FEED),
    });
    expect(uploaded.files).toEqual([
      { kind: 'products', name: 'bricolage.tsv', bytes: Buffer.byteLength(FEED) },
    ]);
    const events = eventsUntilEnd(job.id);
    await manager.imports.runImport({ params: { id: job.id } });
    const seen = await events;
    const done = seen.at(-1)!;
    expect(done).toMatchObject({
      state: 'applied',
      counts: { 'bricolage.tsv': { kind: 'products', lines: 2, rejected: 0 } },
      written: [{ c: 'products', written: 2, withdrawn: 0 }],
    });
    const drill = server.docs.get<Product>('products', 'DRILL-18V')!;
    expect(drill).toMatchObject({ department: 'bricolage', name: { en: 'Cordless drill 18 V' } });
    expect(server.catalogue.productByCode('3017620422003')?.id).toBe('DRILL-18V');
    // The demo catalogue is still there: an incremental import withdraws nothing.
    expect(server.docs.countLive('products')).toBeGreaterThan(200);
    const report = await manager.imports.importReport({ params: { id: job.id } });
    expect(report.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    expect(await report.text()).toBe('file\tline\tfield\taction\tproblem\n');
    expect((await manager.imports.imports()).imports[0]!.id).toBe(job.id);
  });

  it('refuses a web page sent as a feed, saying so, and changes nothing', async () => {
    const head = server.docs.head();
    const job = await manager.imports.createImport({ body: { mode: 'full', language: 'fr' } });
    await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      body: new TextEncoder().encode('<!doctype html><html><body>Sign in</body></html>'),
    });
    await manager.imports.runImport({ params: { id: job.id } });
    await server.imports.idle();
    const ended = await manager.imports.import({ params: { id: job.id } });
    expect(ended.state).toBe('refused');
    expect(ended.reason).toMatch(/web page/);
    expect(server.docs.head()).toBe(head);
    // A finished import takes no more files, and runs once.
    await expect(manager.imports.runImport({ params: { id: job.id } })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('is for managers: a staff member gets 403, an unknown import 404, a bad kind 400', async () => {
    const staff = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${staffToken}`,
    });
    await expect(
      staff.imports.createImport({ body: { mode: 'full', language: 'fr' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      manager.imports.import({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(ApiCallError);
    const job = await manager.imports.createImport({ body: { mode: 'full', language: 'fr' } });
    // A name that is a path, or "..", keeps only what can name a file in the job's folder.
    for (const name of ['../../store.sqlite', '..', 'a\u0000b.tsv']) {
      const named = await manager.imports.uploadFeed({
        params: { id: job.id, kind: 'products' },
        query: { name },
        body: new TextEncoder().encode(FEED),
      });
      expect(named.files[0]!.name).toBe(
        { '..': 'products', 'a\u0000b.tsv': 'ab.tsv' }[name] ?? 'store.sqlite',
      );
    }
    // A kind the table does not know: the route's own path, a wrong parameter.
    const bad = await fetchRoute(server.url, apiRoutes.imports.uploadFeed, {
      params: { id: job.id, kind: 'prices' },
      token: server.adminToken,
      body: 'x',
    });
    expect(bad.status).toBe(400);
    const empty = await manager.imports.createImport({ body: { mode: 'full', language: 'fr' } });
    await expect(manager.imports.runImport({ params: { id: empty.id } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("holds feeds to the chain's policy, which a manager (or the admin) sets", async () => {
    expect(await manager.imports.importPolicy()).toEqual({ maxBadLinePercent: 5 });
    const staff = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${staffToken}`,
    });
    await expect(
      staff.imports.setImportPolicy({ body: { maxBadLinePercent: 50 } }),
    ).rejects.toMatchObject({ status: 403 });
    const admin = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${server.adminToken}`,
    });
    await manager.imports.setImportPolicy({ body: { maxBadLinePercent: 50 } });
    // One bad line in two is now within the rule.
    const job = await manager.imports.createImport({
      body: { mode: 'incremental', language: 'fr' },
    });
    await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      body: new TextEncoder().encode(
        `${FEED.split('\n')[0]}\nHALF-1\tMoitié\tHalf\tfree\tX\tA\tA\t\nHALF-2\tMoitié\tHalf\t1.00 EUR\tX\tA\tA\t\n`,
      ),
    });
    await manager.imports.runImport({ params: { id: job.id } });
    await server.imports.idle();
    expect((await manager.imports.import({ params: { id: job.id } })).state).toBe('applied');
    await admin.imports.setImportPolicy({ body: { maxBadLinePercent: 5 } });
    await expect(
      admin.imports.setImportPolicy({ body: { maxBadLinePercent: 101 } }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('runs from the command line against the server, streaming the file', async () => {
    const feed = join(dir, 'peinture.tsv');
    const [header, , paint] = FEED.split('\n');
    writeFileSync(
      feed,
      [header, paint!.replace('PAINT-W', 'PAINT-CLI').replace('34.90 EUR', '29.90 EUR')].join('\n'),
    );
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'store-server/src/import/cli.ts',
        '--products',
        feed,
        '--incremental',
        '--store',
        server.url,
      ],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: { ...process.env, VITRINE_TOKEN: server.adminToken },
      },
    );
    expect(stdout).toMatch(/: applied/);
    expect(stdout).toContain('products: 1 written, 0 withdrawn');
    expect(server.docs.get<Product>('products', 'PAINT-CLI')!.priceCents).toBe(2990);
  });
});
