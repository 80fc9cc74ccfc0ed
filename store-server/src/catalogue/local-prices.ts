// Each store's own prices (server-only, never synced): the rows the import
// writes from the local inventory feed where a store's line is not the
// chain's price. The store's own rows are already in the product documents its
// screens sync; the others are read by the staff stock check ("Lyon sells it
// at 11,90 €"). See core/feed/local-price.ts and docs/decisions/15-inventory.md.
import type { ItemPrice, LocalPrice, LocalPriceRow, Sale } from '@vitrine/shared/core';
import type { Db } from '../db/database';

type Row = {
  location_id: string;
  variant_id: string;
  price_cents: number | null;
  sale: string | null;
  chain_cents: number;
  chain_sale: string | null;
};

const saleOf = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as Sale));

const toRow = (row: Row): LocalPriceRow => {
  const sale = saleOf(row.sale);
  const chainSale = saleOf(row.chain_sale);
  return {
    locationId: row.location_id,
    variantId: row.variant_id,
    local: {
      ...(row.price_cents !== null && { priceCents: row.price_cents }),
      ...(sale && { sale }),
    },
    chain: { priceCents: row.chain_cents, ...(chainSale && { sale: chainSale }) },
  };
};

/** Rows in a fixed order and key order, so a product's rows compare as text. */
export function serialiseRows(rows: readonly LocalPriceRow[]): string {
  return JSON.stringify(
    [...rows]
      .sort((a, b) =>
        a.locationId === b.locationId
          ? a.variantId < b.variantId
            ? -1
            : 1
          : a.locationId < b.locationId
            ? -1
            : 1,
      )
      .map((row) => [row.locationId, row.variantId, row.local, row.chain]),
  );
}

export function parseRows(text: string): LocalPriceRow[] {
  return (JSON.parse(text) as [string, string, LocalPrice, ItemPrice][]).map(
    ([locationId, variantId, local, chain]) => ({ locationId, variantId, local, chain }),
  );
}

export class LocalPrices {
  private readonly byProduct;
  private readonly byProducts;
  private readonly remove;
  private readonly insert;

  constructor(db: Db) {
    this.byProduct = db.prepare(
      `SELECT location_id, variant_id, price_cents, sale, chain_cents, chain_sale
       FROM local_prices WHERE product_id = ?`,
    );
    this.byProducts = db.prepare(
      `SELECT product_id, location_id, variant_id, price_cents, sale, chain_cents, chain_sale
       FROM local_prices WHERE product_id IN (SELECT value FROM json_each(?))`,
    );
    this.remove = db.prepare('DELETE FROM local_prices WHERE product_id = ?');
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO local_prices (location_id, variant_id, product_id, price_cents, sale, chain_cents, chain_sale)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  of(productId: string): LocalPriceRow[] {
    return (this.byProduct.all(productId) as Row[]).map(toRow);
  }

  /** The rows of many products in one query (an import's page), by product; none: absent. */
  ofProducts(productIds: readonly string[]): Map<string, LocalPriceRow[]> {
    const rows = new Map<string, LocalPriceRow[]>();
    for (const row of this.byProducts.all(JSON.stringify(productIds)) as (Row & {
      product_id: string;
    })[]) {
      const list = rows.get(row.product_id) ?? [];
      list.push(toRow(row));
      rows.set(row.product_id, list);
    }
    return rows;
  }

  /** Replaces a product's rows (call inside the writer's transaction). */
  replace(productId: string, rows: readonly LocalPriceRow[]): void {
    this.remove.run(productId);
    for (const row of rows) {
      this.insert.run(
        row.locationId,
        row.variantId,
        productId,
        row.local.priceCents ?? null,
        row.local.sale ? JSON.stringify(row.local.sale) : null,
        row.chain.priceCents,
        row.chain.sale ? JSON.stringify(row.chain.sale) : null,
      );
    }
  }
}
