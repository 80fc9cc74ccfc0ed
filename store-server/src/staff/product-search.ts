// The consoles' product search by name (staff stock check, the expert's
// product cards): every word of the query, in any order, with or without
// accents, in the French or English name or the brand; a barcode finds its
// product.
import type { Product } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';
import { everyWord, registerFold, wordPatterns } from './folded-words';

const NAME = `json_extract(body, '$.name.fr') || ' ' || json_extract(body, '$.name.en') || ' ' ||
  json_extract(body, '$.brand')`;

export type ProductSearch = (query: string, limit: number) => Product[];

export function productSearch(db: Db, catalogue: CatalogueStore): ProductSearch {
  registerFold(db);
  const byWordCount = new Map<number, Statement<unknown[]>>();
  const statement = (count: number) => {
    let prepared = byWordCount.get(count);
    if (!prepared) {
      prepared = db
        .prepare(
          `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0
           AND ${everyWord(NAME, count)} ORDER BY id LIMIT ?`,
        )
        .pluck();
      byWordCount.set(count, prepared);
    }
    return prepared;
  };
  return (query, limit) => {
    const code = query.trim();
    if (/^\d{8,14}$/.test(code)) {
      const product = catalogue.productByCode(code);
      return product ? [product] : [];
    }
    const patterns = wordPatterns(query);
    if (patterns.length === 0) return [];
    return (statement(patterns.length).all([...patterns, limit]) as string[]).map(
      (body) => JSON.parse(body) as Product,
    );
  };
}
