// The device's local copy (IndexedDB through Dexie). Every screen reads from
// here, so it works with the store server down; the network only refreshes it.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  DeviceEvent,
  FaqEntry,
  Location,
  Look,
  NeighbourStatus,
  Product,
  ProductReviews,
  ProductStock,
  Promotion,
  ScreenProfileDoc,
  SignedCampaign,
  StoreSettings,
} from '../core';

/** A product as stored: the synced body plus every code that finds it. */
export type StoredProduct = Product & { codes: string[] };
export type OutboxEntry = { seq: number; id: string; event: DeviceEvent; sentAt: number | null };
export type RejectedEntry = { id: string; event: DeviceEvent; reason: string; at: string };
export type MetaEntry = { key: string; value: unknown };

/** The meta key of the last revision this copy has (the replicator's checkpoint). */
export const CHECKPOINT_KEY = 'sync.checkpoint';
/** The meta key saying the copy was complete once since it was last emptied. */
export const FILLED_KEY = 'sync.filled';

/** The tables the replicator fills from the server, emptied by a catalogue-shape upgrade. */
const SYNCED_TABLES = [
  'products',
  'stock',
  'reviews',
  'promotions',
  'faq',
  'locations',
  'looks',
  'campaigns',
  'screens',
  'settings',
  'neighbours',
] as const;

/** A catalogue-shape upgrade: the synced copy goes and the whole catalogue is pulled again. */
async function clearSyncedCopy(tx: Transaction): Promise<void> {
  // An older version's upgrade runs before later tables exist: clear those it has.
  for (const name of SYNCED_TABLES) if (tx.storeNames.includes(name)) await tx.table(name).clear();
  await tx.table('meta').put({ key: CHECKPOINT_KEY, value: 0 });
  await tx.table('meta').put({ key: FILLED_KEY, value: false });
}

export class DeviceDb extends Dexie {
  products!: EntityTable<StoredProduct, 'id'>;
  stock!: EntityTable<ProductStock, 'id'>;
  reviews!: EntityTable<ProductReviews, 'id'>;
  promotions!: EntityTable<Promotion, 'id'>;
  faq!: EntityTable<FaqEntry, 'id'>;
  locations!: EntityTable<Location, 'id'>;
  looks!: EntityTable<Look, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedEntry, 'id'>;
  /** Signed campaigns as synced; the player verifies each before it plays. */
  campaigns!: EntityTable<SignedCampaign, 'id'>;
  screens!: EntityTable<ScreenProfileDoc, 'id'>;
  settings!: EntityTable<StoreSettings, 'id'>;
  /** The neighbour stores this store follows, with their last stock confirmation (chain). */
  neighbours!: EntityTable<NeighbourStatus, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      products: 'id, *codes, category',
      stock: 'id',
      reviews: 'id',
      promotions: 'id',
      faq: 'id',
      locations: 'id',
      looks: 'id',
      meta: 'key',
      outbox: 'seq, id',
      rejected: 'id',
    });
    // v2 (signage): campaigns and screen profiles, synced like the catalogue.
    this.version(2).stores({ campaigns: 'id', screens: 'id' });
    // v3 (kiosk look): the store's settings (brand theme, staff access).
    this.version(3).stores({ settings: 'id' });
    // v4 (catalogue v2: variant ids, stock by variant id): the old copy is in
    // a shape this code cannot read, so it goes and the whole catalogue is
    // pulled again (a screen shows its "loading" state until it is back).
    this.version(4).stores({}).upgrade(clearSyncedCopy);
    // v5 (catalogue v3: a department and attributes instead of a fixed
    // category): the old copy goes again and the category index with it.
    this.version(5).stores({ products: 'id, *codes' }).upgrade(clearSyncedCopy);
    // v6 (the attract loop's sales): products with a sale from the feed, by sale price. A product
    // has `sale` whenever any of its items has one (core/feed/product-sale.ts); the copy stays.
    this.version(6).stores({ products: 'id, *codes, sale.priceCents' });
    // v7 (neighbours' stock, issue 16): stock levels carry confirmedAt and the neighbours'
    // confirmations are a table of their own; a copy pulled before knows neither, so it goes
    // and the whole catalogue is pulled again (as v4 did).
    this.version(7).stores({ neighbours: 'id' }).upgrade(clearSyncedCopy);
  }

  /** The synced collections' tables, by collection name. */
  syncedTables(): Record<string, Table> {
    return Object.fromEntries(SYNCED_TABLES.map((name) => [name, this.table(name)]));
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }

  /** Product by any of its codes (GTIN-14), from the local copy only. */
  async productByGtin(gtin14: string): Promise<StoredProduct | undefined> {
    return this.products.where('codes').equals(gtin14).first();
  }
}
