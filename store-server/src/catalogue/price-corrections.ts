// A manager's price corrections (PUT /products/:id/price) with an audit row
// each: who, when, before, after, why; the same shape as stock corrections.
// A correction stays until an import names its product again: the import's
// price then wins, and the import says so in the audit (source 'import').
import { randomUUID } from 'node:crypto';
import {
  itemPriceOf,
  repriceProduct,
  type ItemPrice,
  type PriceCorrection,
  type Product,
  type StaffUser,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';
import type { CatalogueStore } from './catalogue-store';

type Row = {
  id: string;
  product_id: string;
  variant_id: string | null;
  before: number;
  after: number;
  source: PriceCorrection['source'];
  note: string | null;
  user_id: string;
  at: string;
};

const toCorrection = (row: Row): PriceCorrection => ({
  id: row.id,
  productId: row.product_id,
  variantId: row.variant_id,
  before: row.before,
  after: row.after,
  source: row.source,
  note: row.note,
  userId: row.user_id,
  at: row.at,
});

/** The price a correction names: the item's, or the product's. */
const priceOf = (product: Product, variantId: string | null) =>
  variantId === null ? product.priceCents : itemPriceOf(product, variantId).priceCents;

export function priceCorrections(db: Db, catalogue: CatalogueStore) {
  const insert = db.prepare(
    `INSERT INTO price_corrections (id, product_id, variant_id, before, after, source, note, user_id, at)
     VALUES (@id, @product_id, @variant_id, @before, @after, @source, @note, @user_id, @at)`,
  );
  const recent = db.prepare(
    'SELECT * FROM price_corrections WHERE product_id = ? ORDER BY at DESC LIMIT 20',
  );
  // Products whose latest row is a manager's: their correction still holds.
  const standing = db.prepare(
    `SELECT * FROM price_corrections p WHERE source = 'manager'
     AND at = (SELECT MAX(at) FROM price_corrections WHERE product_id = p.product_id)`,
  );

  return {
    correct(
      product: Product,
      body: { priceCents: number; variantId?: string | undefined; note?: string | undefined },
      user: StaffUser,
    ): { product: Product; correction: PriceCorrection } {
      const variantId = body.variantId ?? null;
      if (variantId !== null && !product.variants.some((variant) => variant.id === variantId))
        throw new HttpError(404, 'unknown_product', `no item ${variantId} in ${product.id}`);
      const prices = new Map<string, ItemPrice>();
      for (const variant of product.variants) {
        const price = itemPriceOf(product, variant.id);
        const named =
          variantId === null ? price.priceCents === product.priceCents : variant.id === variantId;
        if (named) prices.set(variant.id, { ...price, priceCents: body.priceCents });
      }
      const corrected = repriceProduct(product, prices);
      const row: Row = {
        id: randomUUID(),
        product_id: product.id,
        variant_id: variantId,
        before: priceOf(product, variantId),
        after: body.priceCents,
        source: 'manager',
        note: body.note || null,
        user_id: user.id,
        at: new Date().toISOString(),
      };
      db.transaction(() => {
        catalogue.upsertProduct(corrected);
        insert.run(row);
      })();
      return { product: corrected, correction: toCorrection(row) };
    },

    recent: (productId: string) => (recent.all(productId) as Row[]).map(toCorrection),

    /**
     * For an import, inside its transaction: a standing correction of a product it
     * writes again gets a row saying the import set the price (before → after).
     */
    importOverwrites(by: string) {
      const open = new Map((standing.all() as Row[]).map((row) => [row.product_id, row]));
      return (productId: string, before: () => Product | undefined, after: string | null) => {
        const row = open.get(productId);
        const stored = row && before();
        if (!row || !stored) return;
        open.delete(productId);
        const written = after === null ? undefined : (JSON.parse(after) as Product);
        insert.run({
          id: randomUUID(),
          product_id: productId,
          variant_id: row.variant_id,
          before: priceOf(stored, row.variant_id),
          after: written ? priceOf(written, row.variant_id) : 0,
          source: 'import',
          note: written ? 'the import set this price again' : 'the import withdrew this product',
          user_id: by,
          at: new Date().toISOString(),
        });
      };
    },
  };
}
