// From the staged feed lines to the documents that change: each product group
// becomes its product (and its stock record, when an inventory came with it),
// serialised and compared with what the store has. Only a document whose text
// differs is kept for the apply, so a feed sent twice changes nothing. A full
// import withdraws the products its feed lacks; an incremental one never does.
//
// Reads of the store's database here are plain reads between short pauses:
// the server keeps answering while 100,000 products are built. A document
// written meanwhile is caught at apply time by its revision (apply-import.ts).
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import {
  feedIdOf,
  productDocOf,
  stockDocOf,
  variantIdOf,
  type CollectionName,
  type FeedLanguage,
  type ImportMode,
  type Location,
  type Product,
  type ProductLine,
  type ProductStock,
  type ReportEntry,
} from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { ImageService } from '../images/image-domain';
import type { DocStore } from '../sync/doc-store';
import type { BuiltDoc, Staging } from './staging';

/** Groups built between two pauses of the event loop. */
const GROUPS_PER_STEP = 500;
/** The width screens load by default; the srcset gives the others (catalogueImageSrcSet). */
const IMAGE_WIDTH = '480';

export type BuildPlan = {
  mode: ImportMode;
  language: FeedLanguage;
  /** The report's names of the files staged, by kind (absent: no such file in this import). */
  files: { products?: string; inventory?: string; food?: string };
};

export type BuildParts = {
  docs: DocStore;
  catalogue: CatalogueStore;
  images: Pick<ImageService, 'keyOf'>;
  imageUrl: (key: string, width: typeof IMAGE_WIDTH) => string;
};

export type BuildProgress = { phase: 'building'; done: number };

/** Rebuilds one stock record against the store's current one (for a record written meanwhile). */
export type StockRebuild = (productId: string) => string | null;

type Pending = Omit<BuiltDoc, 'seq'>;

class Builder {
  private readonly claimedGtins = new Map<string, string>();
  private readonly replacing: ReadonlySet<string>;
  private pending: Pending[] = [];
  private pendingImages: string[] = [];
  private entries: ReportEntry[] = [];

  constructor(
    private readonly staging: Staging,
    private readonly parts: BuildParts,
    private readonly plan: BuildPlan,
  ) {
    const stores = plan.files.inventory ? staging.inventoryStores() : [];
    this.replacing = new Set(plan.mode === 'full' ? stores : []);
  }

  /** Keeps a document if its text differs from the stored one (or withdraws it, body null). */
  private keep(c: CollectionName, id: string, body: string | null): void {
    const stored = this.parts.docs.stored(c, id);
    if (body === null ? !stored || stored.body === null : stored?.body === body) return;
    this.pending.push({ c, id, body, baseRev: stored?.rev ?? null });
  }

  private flush(): void {
    this.staging.addBuilt(this.pending, this.pendingImages);
    this.staging.addEntries(this.entries);
    this.pending = [];
    this.pendingImages = [];
    this.entries = [];
  }

  /** Stores the inventory names that are no location yet become one (named by their code). */
  locations(): void {
    if (!this.plan.files.inventory) return;
    for (const code of this.staging.inventoryStores()) {
      if (this.parts.docs.stored('locations', code)?.body) continue;
      const location: Location = { id: code, name: code, city: '', kind: 'store' };
      this.keep('locations', code, JSON.stringify(location));
      this.entries.push({
        file: this.plan.files.inventory,
        line: 0,
        field: 'store_code',
        problem: `store ${code} was not known: added, named by its code`,
        action: 'warning',
      });
    }
    this.flush();
  }

  /** The product now keeping a GTIN: one built earlier in this feed, or one the feed leaves alone. */
  private gtinOwner = (gtin: string): string | undefined => {
    const claimed = this.claimedGtins.get(gtin);
    if (claimed !== undefined || this.plan.mode === 'full') return claimed;
    const owner = this.parts.catalogue.productIdOfCode(gtin);
    return owner !== undefined && !this.staging.hasGroup(owner) ? owner : undefined;
  };

  private productOfItem = (feedId: string): string | undefined => {
    const group = this.staging.groupOf(feedId);
    if (group !== undefined) return group;
    const variantId = variantIdOf(feedId);
    return variantId === undefined ? undefined : this.parts.catalogue.productIdOfVariant(variantId);
  };

  /** An item of another product the feed leaves alone cannot move here in an incremental import. */
  private movable(groupId: string, lines: ProductLine[]): ProductLine[] {
    if (this.plan.mode === 'full') return lines;
    return lines.filter((line) => {
      const variantId = variantIdOf(line.id);
      const owner =
        variantId === undefined ? undefined : this.parts.catalogue.productIdOfVariant(variantId);
      if (owner === undefined || owner === groupId || this.staging.hasGroup(owner)) return true;
      this.entries.push({
        file: this.plan.files.products!,
        line: line.line,
        field: 'id',
        problem: `item ${line.id} belongs to product ${owner}, which this incremental feed does not include: refused`,
        action: 'rejected',
      });
      return false;
    });
  }

  private stockOf(productId: string, variantIds: ReadonlySet<string>): ProductStock | undefined {
    const stored = this.parts.docs.get<ProductStock>('stock', productId);
    const lines = this.plan.files.inventory
      ? this.staging.inventoryFor([...variantIds].map(feedIdOf))
      : [];
    if (!stored && lines.length === 0) return undefined;
    return stockDocOf(productId, variantIds, lines, stored, this.replacing);
  }

  /** The stock record's text for a product as it is now in the store (after a write meanwhile). */
  rebuildStock: StockRebuild = (productId) => {
    // Products are applied before their stock, so this is the product as imported.
    const product = this.parts.docs.get<Product>('products', productId);
    if (!product) return null;
    const stock = this.stockOf(productId, new Set(product.variants.map((variant) => variant.id)));
    return stock ? JSON.stringify(stock) : null;
  };

  private keepStock(productId: string, variantIds: ReadonlySet<string>): void {
    const stock = this.stockOf(productId, variantIds);
    if (stock) this.keep('stock', productId, JSON.stringify(stock));
  }

  async products(onProgress: (progress: BuildProgress) => void): Promise<void> {
    const file = this.plan.files.products!;
    let after = '';
    let done = 0;
    for (;;) {
      const groups = this.staging.groupsAfter(after, GROUPS_PER_STEP);
      if (groups.length === 0) break;
      for (const { groupId, lines } of groups) {
        const ids = [groupId, ...lines.map((line) => line.id)];
        const { product, entries } = productDocOf(
          groupId,
          this.movable(groupId, lines),
          this.staging.foodFor(ids),
          {
            file,
            language: this.plan.language,
            imageSrc: (url) => {
              const wanted = this.parts.images.keyOf(url);
              if ('problem' in wanted) return { problem: wanted.problem };
              this.pendingImages.push(url);
              return { src: this.parts.imageUrl(wanted.key, IMAGE_WIDTH) };
            },
            gtinOwner: this.gtinOwner,
            productOfItem: this.productOfItem,
          },
        );
        this.entries.push(...entries);
        if (!product) continue;
        for (const variant of product.variants) {
          if (variant.gtin !== undefined) this.claimedGtins.set(variant.gtin, groupId);
        }
        this.keep('products', groupId, JSON.stringify(product));
        this.keepStock(groupId, new Set(product.variants.map((variant) => variant.id)));
      }
      after = groups.at(-1)!.groupId;
      done += groups.length;
      this.flush();
      onProgress({ phase: 'building', done });
      await yieldToEvents();
    }
  }

  /** A full import: every product the feed lacks is withdrawn, with its stock and reviews. */
  async withdrawals(): Promise<void> {
    for (const productId of this.parts.catalogue.productIds()) {
      if (this.staging.hasGroup(productId)) continue;
      for (const c of ['products', 'stock', 'reviews'] as const) this.keep(c, productId, null);
      if (this.pending.length >= GROUPS_PER_STEP) {
        this.flush();
        await yieldToEvents();
      }
    }
    this.flush();
  }

  /** An inventory without products: the stock of the products it names (all of them when full). */
  async stockOnly(onProgress: (progress: BuildProgress) => void): Promise<void> {
    const file = this.plan.files.inventory!;
    const productIds = new Set<string>();
    let after = '';
    for (;;) {
      const items = this.staging.inventoryIdsAfter(after, 5_000);
      if (items.length === 0) break;
      for (const item of items) {
        const variantId = variantIdOf(item.id);
        const owner =
          variantId === undefined ? undefined : this.parts.catalogue.productIdOfVariant(variantId);
        if (owner !== undefined) productIds.add(owner);
        else
          this.entries.push({
            file,
            line: item.line,
            field: 'id',
            problem: `no product has item ${item.id}: its stock is left out`,
            action: 'rejected',
          });
      }
      after = items.at(-1)!.id;
      this.flush();
      await yieldToEvents();
    }
    const targets = this.plan.mode === 'full' ? this.parts.catalogue.productIds() : productIds;
    let done = 0;
    for (const productId of targets) {
      const product = this.parts.docs.get<Product>('products', productId);
      if (product) this.keepStock(productId, new Set(product.variants.map((v) => v.id)));
      if (++done % GROUPS_PER_STEP === 0) {
        this.flush();
        onProgress({ phase: 'building', done });
        await yieldToEvents();
      }
    }
    this.flush();
    onProgress({ phase: 'building', done });
  }
}

/**
 * Builds every changed document into the staging file's `built` table, in the
 * order the apply writes them: locations, products, stock, then withdrawals.
 * Returns how to rebuild a stock record written meanwhile.
 */
export async function buildDocs(
  staging: Staging,
  parts: BuildParts,
  plan: BuildPlan,
  onProgress: (progress: BuildProgress) => void = () => {},
): Promise<StockRebuild> {
  const builder = new Builder(staging, parts, plan);
  builder.locations();
  if (plan.files.products) {
    await builder.products(onProgress);
    if (plan.mode === 'full') await builder.withdrawals();
  } else if (plan.files.inventory) {
    await builder.stockOnly(onProgress);
  }
  return builder.rebuildStock;
}
