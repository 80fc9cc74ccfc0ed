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
  itemPriceOf,
  mergeLocalPrices,
  productDocOf,
  repriceProduct,
  samePrice,
  stockDocOf,
  variantIdOf,
  withLocal,
  type CollectionName,
  type FeedLanguage,
  type ImportMode,
  type InventoryLine,
  type ItemPrice,
  type Location,
  type LocalPriceRow,
  type Product,
  type ProductLine,
  type ProductStock,
  type ReportEntry,
  type StoreLine,
  reported,
  reportMessage,
} from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Db } from '../db/database';
import { serialiseRows, type LocalPrices } from '../catalogue/local-prices';
import type { ImageService } from '../images/image-domain';
import type { DocStore } from '../sync/doc-store';
import type { BuiltDoc, Staging } from '@vitrine/shared/node';

/** Groups built between two pauses of the event loop. */
const GROUPS_PER_STEP = 500;
/** The width screens load by default; the srcset gives the others (catalogueImageSrcSet). */
const IMAGE_WIDTH = '480';

export type BuildPlan = {
  mode: ImportMode;
  language: FeedLanguage;
  /** The report's names of the files staged, by kind (absent: no such file in this import). */
  files: { products?: string; inventory?: string; food?: string; stores?: string };
  /** This store's code: its own inventory prices go into the products its screens sync. */
  storeId?: string;
};

export type BuildParts = {
  /** The store's database: a page of products' stored documents is read in one query. */
  db: Db;
  docs: DocStore;
  localPrices: LocalPrices;
  catalogue: CatalogueStore;
  images: Pick<ImageService, 'keyOf'>;
  imageUrl: (key: string, width: typeof IMAGE_WIDTH) => string;
};

export type BuildProgress = { phase: 'building'; done: number };

/** Rebuilds one stock record against the store's current one (for a record written meanwhile). */
export type StockRebuild = (productId: string) => string | null;

type Pending = Omit<BuiltDoc, 'seq'>;
type Stored = { rev: number; body: string | null };
/** The stored products and stock records of a page of product ids. */
const PAGE_DOCS = `SELECT collection, id, rev, body FROM sync_docs
  WHERE collection IN ('products', 'stock') AND id IN (SELECT value FROM json_each(?))`;

class Builder {
  private readonly claimedGtins = new Map<string, string>();
  private readonly replacing: ReadonlySet<string>;
  private pending: Pending[] = [];
  private pendingPrices: { productId: string; rows: string }[] = [];
  private pendingImages: string[] = [];
  private entries: ReportEntry[] = [];
  /** The page being built: its products' stored documents and local prices, read in one query each. */
  private page:
    | { ids: ReadonlySet<string>; docs: Map<string, Stored>; prices: Map<string, LocalPriceRow[]> }
    | undefined;

  constructor(
    private readonly staging: Staging,
    private readonly parts: BuildParts,
    private readonly plan: BuildPlan,
  ) {
    const stores = plan.files.inventory ? staging.inventoryStores() : [];
    this.replacing = new Set(plan.mode === 'full' ? stores : []);
  }

  /** Reads the stored products, stock records and local prices of a page of products at once. */
  private readPage(ids: readonly string[]): void {
    const docs = new Map<string, Stored>();
    const rows = this.parts.db.prepare(PAGE_DOCS).raw().all(JSON.stringify(ids)) as [
      CollectionName,
      string,
      number,
      string | null,
    ][];
    for (const [c, id, rev, body] of rows) docs.set(`${c}\t${id}`, { rev, body });
    this.page = { ids: new Set(ids), docs, prices: this.parts.localPrices.ofProducts(ids) };
  }

  /** A document as stored: from the page read when it is one of the page's, else asked for. */
  private stored(c: CollectionName, id: string): Stored | undefined {
    if ((c === 'products' || c === 'stock') && this.page?.ids.has(id))
      return this.page.docs.get(`${c}\t${id}`);
    return this.parts.docs.stored(c, id);
  }

  private previousPrices(productId: string): LocalPriceRow[] {
    if (this.page?.ids.has(productId)) return this.page.prices.get(productId) ?? [];
    return this.parts.localPrices.of(productId);
  }

  /** Keeps a document if its text differs from the stored one (or withdraws it, body null). */
  private keep(c: CollectionName, id: string, body: string | null): void {
    const stored = this.stored(c, id);
    if (body === null ? !stored || stored.body === null : stored?.body === body) return;
    this.pending.push({ c, id, body, baseRev: stored?.rev ?? null });
  }

  private flush(): void {
    this.staging.addBuilt(this.pending, this.pendingImages, this.pendingPrices);
    this.pendingPrices = [];
    this.staging.addEntries(this.entries);
    this.pending = [];
    this.pendingImages = [];
    this.entries = [];
  }

  /** The stores file's stores become locations; what a line leaves out is kept from the stored one. */
  private storeLocations(): Set<string> {
    const known = new Set<string>();
    for (const line of this.staging.stores()) {
      known.add(line.storeCode);
      const stored = this.parts.docs.get<Location>('locations', line.storeCode);
      this.keep('locations', line.storeCode, JSON.stringify(locationOf(line, stored)));
    }
    return known;
  }

  /** Stores the inventory names that are no location yet become one (named by their code). */
  locations(): void {
    const known = this.storeLocations();
    if (!this.plan.files.inventory) return this.flush();
    for (const code of this.staging.inventoryStores()) {
      if (known.has(code) || this.parts.docs.stored('locations', code)?.body) continue;
      const location: Location = { id: code, name: code, city: '', kind: 'store' };
      this.keep('locations', code, JSON.stringify(location));
      this.entries.push({
        file: this.plan.files.inventory,
        line: 0,
        field: 'store_code',
        ...reported(reportMessage('store_unknown', { code })),
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
        ...reported(reportMessage('item_outside_feed', { id: line.id, owner })),
        action: 'rejected',
      });
      return false;
    });
  }

  private inventoryOf(variantIds: Iterable<string>): InventoryLine[] {
    return this.plan.files.inventory
      ? this.staging.inventoryFor([...variantIds].map(feedIdOf))
      : [];
  }

  private stockOf(
    productId: string,
    variantIds: ReadonlySet<string>,
    lines = this.inventoryOf(variantIds),
    storedText = this.stored('stock', productId)?.body ?? null,
  ): ProductStock | undefined {
    const stored = storedText === null ? undefined : (JSON.parse(storedText) as ProductStock);
    if (!stored && lines.length === 0) return undefined;
    return stockDocOf(productId, variantIds, lines, stored, this.replacing);
  }

  /** The stock record's text for a product as it is now in the store (after a write meanwhile). */
  rebuildStock: StockRebuild = (productId) => {
    // Products are applied before their stock, so this is the product as imported.
    const product = this.parts.docs.get<Product>('products', productId);
    if (!product) return null;
    const stock = this.stockOf(
      productId,
      new Set(product.variants.map((variant) => variant.id)),
      undefined,
      this.parts.docs.stored('stock', productId)?.body ?? null,
    );
    return stock ? JSON.stringify(stock) : null;
  };

  private keepStock(productId: string, variantIds: ReadonlySet<string>, lines?: InventoryLine[]) {
    const stock = this.stockOf(productId, variantIds, lines);
    if (stock) this.keep('stock', productId, JSON.stringify(stock));
  }

  /** A product's local prices after this import, kept for the apply when they change. */
  private localPrices(
    productId: string,
    lines: readonly InventoryLine[],
    chainOf: (variantId: string) => ItemPrice | undefined,
    previous = this.previousPrices(productId),
  ): LocalPriceRow[] {
    const rows =
      lines.length === 0 && previous.length === 0
        ? []
        : mergeLocalPrices(previous, lines, this.replacing, chainOf);
    const text = serialiseRows(rows);
    if (text !== serialiseRows(previous)) this.pendingPrices.push({ productId, rows: text });
    return rows;
  }

  /** This store's own price of each item that has one. */
  private ownPrices(rows: readonly LocalPriceRow[]): Map<string, LocalPriceRow> {
    const own = this.plan.storeId;
    return new Map(rows.filter((row) => row.locationId === own).map((row) => [row.variantId, row]));
  }

  /** Product lines with this store's own prices in place of the chain's. */
  private withOwnPrices(
    productId: string,
    lines: ProductLine[],
    inventory: readonly InventoryLine[],
  ): ProductLine[] {
    const chain = new Map<string, ItemPrice>();
    for (const line of lines) {
      const variantId = variantIdOf(line.id);
      if (variantId !== undefined) chain.set(variantId, chainPriceOf(line));
    }
    const own = this.ownPrices(this.localPrices(productId, inventory, (id) => chain.get(id)));
    if (own.size === 0) return lines;
    return lines.map((line) => {
      const row = own.get(variantIdOf(line.id) ?? '');
      if (!row) return line;
      const price = withLocal(row.chain, row.local);
      const rest = { ...line };
      delete rest.sale;
      return {
        ...rest,
        price: { ...line.price, minor: price.priceCents },
        ...(price.sale && {
          sale: {
            minor: price.sale.priceCents,
            ...(price.sale.startsAt !== undefined && { startsAt: price.sale.startsAt }),
            ...(price.sale.endsAt !== undefined && { endsAt: price.sale.endsAt }),
          },
        }),
      };
    });
  }

  /** Without a product feed: the stored product with this store's prices as they now are. */
  private repriced(product: Product, inventory: readonly InventoryLine[]): void {
    const previous = this.parts.localPrices.of(product.id);
    const chains = new Map(previous.map((row) => [row.variantId, row.chain]));
    // The product shows this store's price: the chain's is the row's where this store had one.
    const chainOf = (id: string) =>
      product.variants.some((variant) => variant.id === id)
        ? (chains.get(id) ?? itemPriceOf(product, id))
        : undefined;
    const own = this.ownPrices(this.localPrices(product.id, inventory, chainOf, previous));
    // Only the items this store's lines name (all, when a full feed replaces it) change price:
    // a manager's correction of another item stays.
    const named = this.replacing.has(this.plan.storeId ?? '')
      ? undefined
      : new Set(
          inventory
            .filter((line) => line.storeCode === this.plan.storeId && (line.price || line.sale))
            .map((line) => variantIdOf(line.id)),
        );
    const prices = new Map<string, ItemPrice>();
    let changed = false;
    for (const variant of product.variants) {
      if (named && !named.has(variant.id)) continue;
      const chain = chainOf(variant.id)!;
      const row = own.get(variant.id);
      const price = row ? withLocal(chain, row.local) : chain;
      prices.set(variant.id, price);
      if (!samePrice(price, itemPriceOf(product, variant.id))) changed = true;
    }
    if (changed) this.keep('products', product.id, JSON.stringify(repriceProduct(product, prices)));
  }

  async products(onProgress: (progress: BuildProgress) => void): Promise<void> {
    const file = this.plan.files.products!;
    let after = '';
    let done = 0;
    for (;;) {
      const groups = this.staging.groupsAfter(after, GROUPS_PER_STEP);
      if (groups.length === 0) break;
      this.readPage(groups.map((group) => group.groupId));
      // The page's inventory in one query (not one per product), each line to its product.
      const page = groups.map(({ groupId, lines }) => ({
        groupId,
        lines,
        movable: this.movable(groupId, lines),
        inventory: [] as InventoryLine[],
      }));
      if (this.plan.files.inventory) {
        const groupOfItem = new Map<string, InventoryLine[]>();
        for (const group of page)
          for (const line of group.movable) groupOfItem.set(line.id, group.inventory);
        for (const line of this.staging.inventoryFor([...groupOfItem.keys()]))
          groupOfItem.get(line.id)?.push(line);
      }
      for (const { groupId, lines, movable, inventory } of page) {
        const ids = [groupId, ...lines.map((line) => line.id)];
        const { product, entries } = productDocOf(
          groupId,
          this.withOwnPrices(groupId, movable, inventory),
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
        const variantIds = new Set(product.variants.map((variant) => variant.id));
        // The lines of items the build dropped (an unusable id) count for nothing.
        this.keepStock(groupId, variantIds, inventory);
      }
      this.page = undefined;
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
      if (this.parts.localPrices.of(productId).length > 0)
        this.pendingPrices.push({ productId, rows: '[]' });
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
            ...reported(reportMessage('stock_without_product', { id: item.id })),
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
      if (product) {
        const variantIds = new Set(product.variants.map((v) => v.id));
        const inventory = this.inventoryOf(variantIds);
        this.repriced(product, inventory);
        this.keepStock(productId, variantIds, inventory);
      }
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

/** A product line's own price and sale: the chain's, as the product feed says it. */
function chainPriceOf(line: ProductLine): ItemPrice {
  const sale = line.sale;
  return {
    priceCents: line.price.minor,
    ...(sale &&
      sale.minor < line.price.minor && {
        sale: {
          priceCents: sale.minor,
          ...(sale.startsAt !== undefined && { startsAt: sale.startsAt }),
          ...(sale.endsAt !== undefined && { endsAt: sale.endsAt }),
        },
      }),
  };
}

/** A store of the stores file as a location; what its line leaves out stays as stored. */
function locationOf(line: StoreLine, stored: Location | undefined): Location {
  const { storeCode, ...given } = line;
  delete (given as Partial<StoreLine>).line;
  return {
    id: storeCode,
    name: given.name ?? stored?.name ?? storeCode,
    city: given.city ?? stored?.city ?? '',
    kind: stored?.kind ?? 'store',
    ...(stored?.address !== undefined && { address: stored.address }),
    ...(stored?.timeZone !== undefined && { timeZone: stored.timeZone }),
    ...(stored?.currency !== undefined && { currency: stored.currency }),
    ...(stored?.latitude !== undefined && {
      latitude: stored.latitude,
      longitude: stored.longitude,
    }),
    ...given,
  };
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
