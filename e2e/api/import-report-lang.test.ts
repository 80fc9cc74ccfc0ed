// An import's report in the manager's language: each entry carries its message
// code through the job (the console renders it), the TSV report downloads in
// English by default and in French with ?lang=fr, and another language is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes, entryText, routeUrl } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';

const FEED = [
  'id\ttitle\tprice\tgtin\tshoe_width\tproduct_type',
  'LAMP-1\tLampe de bureau\t39.90 EUR\t3017620422004\tlarge\tMaison > Luminaires',
  'LAMP-2\tLampe de chevet\t\t\t\tMaison > Luminaires',
  ...Array.from(
    { length: 28 },
    (_, i) => `LAMP-${i + 3}\tLampe ${i + 3}\t19.90 EUR\t\t\tMaison > Luminaires`,
  ),
].join('\n');

let server: StoreServer;
let manager: ReturnType<typeof apiClient<typeof apiRoutes>>;

beforeAll(async () => {
  server = await startTestServer();
  const anonymous = apiClient(apiRoutes, { baseUrl: server.url });
  const session = await anonymous.auth.login({
    body: { userId: 'manager', password: 'vitrine-demo' },
  });
  manager = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${session.token}`,
  });
});
afterAll(async () => {
  await server?.close();
});

describe('an import report in French and English', () => {
  it('keeps codes on the job and downloads the TSV in the language asked', async () => {
    const job = await manager.imports.createImport({
      body: { mode: 'incremental', language: 'fr' },
    });
    await manager.imports.uploadFeed({
      params: { id: job.id, kind: 'products' },
      query: { name: 'lampes.tsv' },
      body: new TextEncoder().encode(FEED),
    });
    await manager.imports.runImport({ params: { id: job.id } });
    await server.imports.idle();
    const ended = await manager.imports.import({ params: { id: job.id } });
    expect(ended, ended.reason).toMatchObject({ state: 'applied' });
    const entries = ended.firstEntries ?? [];
    expect(entries.map((entry) => [entry.line, entry.field, entry.message?.code])).toEqual([
      [1, 'shoe_width', 'column_unknown'],
      [2, 'gtin', 'gtin_dropped'],
      [3, 'price', 'required'],
    ]);
    // English stays exactly as it was written before codes; French comes from the codes.
    expect(entries.map((entry) => entryText(entry, 'en'))).toEqual(
      entries.map((entry) => entry.problem),
    );
    expect(entries.map((entry) => entryText(entry, 'fr'))).toEqual([
      'colonne inconnue «\u00a0shoe_width\u00a0»\u202f: ignorée',
      '«\u00a03017620422004\u00a0» a une clé de contrôle fausse (4, attendu 3)\u202f: le produit est gardé sans lui (pas scannable)',
      'price est obligatoire',
    ]);

    const english = await (await manager.imports.importReport({ params: { id: job.id } })).text();
    expect(english.split('\n')).toEqual([
      'file\tline\tfield\taction\tproblem',
      'lampes.tsv\t1\tshoe_width\twarning\tunknown column "shoe_width": ignored',
      'lampes.tsv\t2\tgtin\twarning\t"3017620422004" has a wrong check digit (4, expected 3): the product is kept without it (not scannable)',
      'lampes.tsv\t3\tprice\trejected\tprice is required',
      '',
    ]);
    const french = await (
      await manager.imports.importReport({ params: { id: job.id }, query: { lang: 'fr' } })
    ).text();
    expect(french.split('\n')).toEqual([
      'file\tline\tfield\taction\tproblem',
      ...entries.map(
        (entry) =>
          `lampes.tsv\t${entry.line}\t${entry.field}\t${entry.action}\t${entryText(entry, 'fr')}`,
      ),
      '',
    ]);

    const wrong = await fetch(
      `${routeUrl(server.url, apiRoutes.imports.importReport, { params: { id: job.id } })}?lang=de`,
      { headers: { authorization: `Bearer ${server.adminToken}` } },
    );
    expect(wrong.status).toBe(400);
  });
});
