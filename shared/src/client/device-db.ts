// The device's local copy (IndexedDB through Dexie). Every screen reads from
// here, so it works with the store server down; the network only refreshes it.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  DeviceEvent,
  FaqEntry,
  Location,
  Look,
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
  }

  /** The synced collections' tables, by collection name. */
  syncedTables(): Record<string, Table> {
    return {
      products: this.products,
      stock: this.stock,
      reviews: this.reviews,
      promotions: this.promotions,
      faq: this.faq,
      locations: this.locations,
      looks: this.looks,
      campaigns: this.campaigns,
      screens: this.screens,
      settings: this.settings,
    };
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
