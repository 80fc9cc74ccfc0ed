// The import policy over HTTP: a manager reads and sets the share of bad lines
// above which a feed is refused; a bad value, a staff member or no session get
// a 4xx and change nothing; a refused import answers its reason in English and
// as a code the consoles render in French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes, entryText } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { signIn } from '../staff/staff-helpers';

let server: StoreServer;
let managerToken: string;
let staffToken: string;

beforeAll(async () => {
  server = await startTestServer({ demoScale: 20 });
  managerToken = await signIn(server, 'manager');
  staffToken = await signIn(server, 'staff');
});
afterAll(async () => {
  await server?.close();
});

const setPolicy = (body: unknown, token?: string) =>
  fetchRoute(server.url, apiRoutes.imports.setImportPolicy, {
    body,
    ...(token === undefined ? {} : { token }),
  });
const policyNow = () => server.imports.policy();

describe('PUT /catalogue/import-policy', () => {
  it('takes a share from 0 to 100 from a manager, and the store keeps it', async () => {
    const answer = await setPolicy({ maxBadLinePercent: 12.5 }, managerToken);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ maxBadLinePercent: 12.5 });
    expect(policyNow()).toEqual({ maxBadLinePercent: 12.5 });
    const manager = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${managerToken}`,
    });
    expect(await manager.imports.importPolicy()).toEqual({ maxBadLinePercent: 12.5 });
    for (const edge of [0, 100]) {
      expect((await setPolicy({ maxBadLinePercent: edge }, managerToken)).status).toBe(200);
    }
    expect((await setPolicy({ maxBadLinePercent: 12.5 }, managerToken)).status).toBe(200);
  });

  it('answers 400 to a value outside 0–100 or not a number, and keeps the rule', async () => {
    for (const body of [
      { maxBadLinePercent: 101 },
      { maxBadLinePercent: -0.5 },
      { maxBadLinePercent: '5' },
      { maxBadLinePercent: null },
      {},
      [],
    ]) {
      const answer = await setPolicy(body, managerToken);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const refusal = (await answer.json()) as { error: { code: string; message: string } };
      expect(refusal.error.code).toBe('invalid_request');
    }
    // Not JSON at all (a string probe goes as written).
    const broken = await setPolicy('{"maxBadLinePercent": 5', managerToken);
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const outOfRange = await setPolicy({ maxBadLinePercent: 250 }, managerToken);
    expect(((await outOfRange.json()) as { error: { message: string } }).error.message).toContain(
      'a share of lines in %, from 0 to 100',
    );
    expect(policyNow()).toEqual({ maxBadLinePercent: 12.5 });
  });

  it('is refused to a staff member (403) and to no session (401)', async () => {
    expect((await setPolicy({ maxBadLinePercent: 50 }, staffToken)).status).toBe(403);
    expect((await setPolicy({ maxBadLinePercent: 50 })).status).toBe(401);
    expect((await setPolicy({ maxBadLinePercent: 50 }, 'not-a-session')).status).toBe(401);
    expect(policyNow()).toEqual({ maxBadLinePercent: 12.5 });
  });

  it("refuses a feed above the rule with an English reason and the code's French", async () => {
    const manager = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${managerToken}`,
    });
    const job = await manager.imports.createImport({
      body: { mode: 'incremental', language: 'fr' },
    });
    await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      query: { name: 'outils.tsv' },
      body: new TextEncoder().encode(
        'id\ttitle\tprice\nTOOL-1\tMarteau\t12.90 EUR\nTOOL-2\tTournevis\tgratuit\nTOOL-3\tPince\t9.90 EUR\n',
      ),
    });
    await manager.imports.runImport({ params: { id: job.id } });
    await server.imports.idle();
    const ended = await manager.imports.import({ params: { id: job.id } });
    expect(ended.state).toBe('refused');
    expect(ended.reason).toBe(
      'outils.tsv: 1 of 3 lines refused (33.3 %), above the 12.5 % this chain allows',
    );
    expect(ended.reasonMessage?.code).toBe('policy_bad_lines');
    expect(entryText({ problem: ended.reason!, message: ended.reasonMessage }, 'fr')).toBe(
      'outils.tsv\u202f: 1 ligne refusée sur 3 (33,3\u202f%), au-delà du seuil de 12,5\u202f% fixé par l’enseigne',
    );
    expect(server.docs.get('products', 'TOOL-1')).toBeUndefined();
  });
});
