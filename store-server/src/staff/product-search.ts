// The consoles' product search by name (staff stock check, the expert's
// product cards): every word of the query, in any order, with or without
// accents, in the French or English name or the brand; a barcode finds its
// product. SQLite gets the same folding as the rest (foldText) as a function.
import { foldText, searchWords, type Product } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';

const NAME = `fold(json_extract(body, '$.name.fr') || ' ' || json_extract(body, '$.name.en') || ' ' ||
  json_extract(body, '$.brand'))`;

export type ProductSearch = (query: string, limit: number) => Product[];

export function productSearch(db: Db, catalogue: CatalogueStore): ProductSearch {
  db.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : null,
  );
  const byWordCount = new Map<number, Statement<unknown[]>>();
  const statement = (count: number) => {
    let prepared = byWordCount.get(count);
    if (!prepared) {
      const each = Array.from({ length: count }, () => `${NAME} LIKE ? ESCAPE '\\'`);
      prepared = db
        .prepare(
          `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0
           AND ${each.join(' AND ')} ORDER BY id LIMIT ?`,
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
    const words = searchWords(query);
    if (words.length === 0) return [];
    const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return (statement(words.length).all([...patterns, limit]) as string[]).map(
      (body) => JSON.parse(body) as Product,
    );
  };
}
