// Catalogue and stock writes. Documents are stored as devices read them; the
// GTIN and item indexes beside them (kept by triggers, catalogue/schema.ts 106)
// let a scan or an item id resolve on the server too.
import {
  normalizeGtin,
  variantWithGtin,
  type CollectionDoc,
  type CollectionName,
  type Product,
  type ProductStock,
  type Promotion,
  type Variant,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DocStore, DocWrite } from '../sync/doc-store';

export type CatalogueImport = { [C in CollectionName]?: readonly CollectionDoc<C>[] };

/** Order of a full import: what a scan needs first, reviews last. */
const IMPORT_ORDER: CollectionName[] = [
  'locations',
  'products',
  'stock',
  'promotions',
  'looks',
  'faq',
  'reviews',
];

export class CatalogueStore {
  private readonly findByGtin;
  private readonly findByVariant;

  constructor(
    private readonly db: Db,
    private readonly docs: DocStore,
  ) {
    this.findByGtin = db.prepare('SELECT product_id FROM gtin_index WHERE gtin = ?').pluck();
    this.findByVariant = db
      .prepare('SELECT product_id FROM variant_index WHERE variant_id = ?')
      .pluck();
  }

  /**
   * Writes a whole catalogue in one transaction (devices get one poke and pull).
   * Stock is keyed by variant id, so two products may not share one: refused, nothing written.
   */
  import(data: CatalogueImport): { fromRev: number; toRev: number } {
    const owner = new Map<string, string>();
    for (const product of data.products ?? []) {
      for (const { id } of product.variants) {
        const other = owner.get(id);
        if (other !== undefined && other !== product.id)
          throw new Error(`variant id ${id} is on products ${other} and ${product.id}`);
        owner.set(id, product.id);
      }
    }
    const writes: DocWrite[] = [];
    for (const c of IMPORT_ORDER) {
      for (const body of data[c] ?? []) writes.push({ c, id: body.id, body });
    }
    return this.docs.write(writes);
  }

  upsertProduct(product: Product): void {
    this.docs.write([{ c: 'products', id: product.id, body: product }]);
  }

  /** The product a GTIN-14 scans to. */
  productIdOfCode(gtin: string): string | undefined {
    return this.findByGtin.get(gtin) as string | undefined;
  }

  /** Every live product's id, read a page at a time (a catalogue may hold 300,000). */
  *productIds(): Generator<string> {
    const page = this.db.prepare(
      `SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id > ? ORDER BY id LIMIT 1000`,
    );
    let after = '';
    for (;;) {
      const ids = page.pluck().all(after) as string[];
      if (ids.length === 0) return;
      yield* ids;
      after = ids.at(-1)!;
    }
  }

  /** The product an item (variant) id belongs to. */
  productIdOfVariant(variantId: string): string | undefined {
    return this.findByVariant.get(variantId) as string | undefined;
  }

  productByCode(code: string): Product | undefined {
    const gtin = normalizeGtin(code);
    if (!gtin) return undefined;
    const id = this.findByGtin.get(gtin) as string | undefined;
    return id ? this.docs.get<Product>('products', id) : undefined;
  }

  /** The product's variant named by its id or by its GTIN (any usual length), if it has it. */
  variantOf(productId: string, item: { variantId?: string; gtin?: string }): Variant | undefined {
    const product = this.docs.get<Product>('products', productId);
    if (!product) return undefined;
    if (item.variantId !== undefined)
      return product.variants.find((variant) => variant.id === item.variantId);
    const gtin = item.gtin === undefined ? undefined : normalizeGtin(item.gtin);
    return gtin === undefined ? undefined : variantWithGtin(product, gtin);
  }

  hasLocation(locationId: string): boolean {
    return this.docs.get('locations', locationId) !== undefined;
  }

  /** Every promotion (a small table): pricing picks the one running for a product. */
  promotions(): Promotion[] {
    return this.docs.all<Promotion>('promotions');
  }

  stockOf(productId: string): ProductStock | undefined {
    return this.docs.get<ProductStock>('stock', productId);
  }

  /** Sets one location's quantity of one variant and pushes the product's new stock record. */
  setStock(
    productId: string,
    locationId: string,
    variantId: string,
    quantity: number,
    aisle?: string,
  ): ProductStock {
    return this.db.transaction(() => {
      const current = this.stockOf(productId) ?? { id: productId, levels: [] };
      const levels = current.levels.filter((level) => level.locationId !== locationId);
      const previous = current.levels.find((level) => level.locationId === locationId);
      levels.push({
        locationId,
        quantities: { ...previous?.quantities, [variantId]: quantity },
        ...((aisle ?? previous?.aisle) ? { aisle: aisle ?? previous?.aisle } : {}),
      });
      levels.sort((a, b) => a.locationId.localeCompare(b.locationId));
      const next: ProductStock = { id: productId, levels };
      this.docs.write([{ c: 'stock', id: productId, body: next }]);
      return next;
    })();
  }
}
