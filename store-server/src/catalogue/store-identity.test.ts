import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { generateLocations } from '../demo/locations';
import { DocStore } from '../sync/doc-store';
import { CatalogueStore } from './catalogue-store';
import { assertStoreHasData, UnknownStoreError } from './store-identity';

function storeDatabase() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-identity-')));
  const docs = new DocStore(db);
  return { db, docs, catalogue: new CatalogueStore(db, docs) };
}

describe('the store a server serves', () => {
  it('refuses a store id its data does not know, naming the stores that have data', () => {
    const { db, docs, catalogue } = storeDatabase();
    catalogue.import({ locations: generateLocations() });
    expect(() => assertStoreHasData(docs, 'demo-store')).toThrow(UnknownStoreError);
    expect(() => assertStoreHasData(docs, 'demo-store')).toThrow(
      /store "demo-store" has no data.*bordeaux-sainte-catherine, lille-euralille, lyon-bellecour, marseille-prado, paris-rivoli\./,
    );
    // The online shop is a location, not a store a server can serve.
    expect(() => assertStoreHasData(docs, 'online')).toThrow(UnknownStoreError);
    expect(() => assertStoreHasData(docs, 'lyon-bellecour')).not.toThrow();
    db.close();
  });

  it('lets a new store start before its first catalogue import', () => {
    const { db, docs } = storeDatabase();
    expect(() => assertStoreHasData(docs, 'a-new-store')).not.toThrow();
    db.close();
  });
});
