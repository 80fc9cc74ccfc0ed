// An export is one moment of the catalogue: a price changed and a product
// withdrawn while its pages stream do not show in it, and the store writes on
// meanwhile. The next export has both.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase } from '../db/database';
import { generateDemoStore } from '../demo';
import { DocStore } from '../sync/doc-store';
import { catalogueFeed } from './catalogue-export';

const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-export-')));
afterAll(() => db.close());
const docs = new DocStore(db);
const catalogue = new CatalogueStore(db, docs);
// More products than one page of the export reads (1,000).
const demo = generateDemoStore({ scale: 1_500, now: new Date('2026-12-06T08:00:00Z') });
catalogue.import({ locations: demo.locations, products: demo.products, stock: demo.stock });
const parts = { db, docs, catalogue, currency: 'EUR', storeId: 'paris-rivoli' };

async function readAll(stream: AsyncIterable<Buffer | string>, onFirst = () => {}) {
  let text = '';
  for await (const chunk of stream) {
    if (text === '') onFirst();
    text += String(chunk);
  }
  return text;
}

const linesOf = (text: string, id: string) =>
  text.split('\n').filter((line) => line.split('\t')[1] === id);

describe('an export streamed while the store writes', () => {
  it('is the catalogue as it was when it began', async () => {
    const ids = demo.products.map((product) => product.id).sort();
    const late = demo.products.find((product) => product.id === ids.at(-1))!;
    const gone = demo.products.find((product) => product.id === ids.at(-2))!;
    const dearer = { ...late, priceCents: late.priceCents + 10_000, variants: late.variants };

    const before = await readAll(catalogueFeed(parts, 'products', 'tsv'));
    const during = await readAll(catalogueFeed(parts, 'products', 'tsv'), () => {
      // After the first chunk: one late product repriced, another withdrawn.
      docs.write([
        { c: 'products', id: dearer.id, body: dearer },
        { c: 'products', id: gone.id, body: null },
      ]);
    });
    expect(docs.get('products', gone.id) ?? undefined).toBeUndefined();
    expect(during).toBe(before);
    expect(linesOf(during, gone.id).length).toBeGreaterThan(0);

    const after = await readAll(catalogueFeed(parts, 'products', 'tsv'));
    expect(linesOf(after, gone.id)).toEqual([]);
    expect(linesOf(after, late.id)).not.toEqual(linesOf(before, late.id));
    expect(after.split('\n').length).toBe(
      before.split('\n').length - linesOf(before, gone.id).length,
    );
  });
});
