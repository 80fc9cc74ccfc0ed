// Everything the product page shows, read from the local copy in one go
// (one Dexie transaction, a handful of keyed reads), so it works offline.
// Promotions and locations can come from memory (see StoreContext).
import {
  activePromotion,
  totalUnits,
  unitsOfVariant,
  neighbourFigure,
  type Location,
  type NeighbourStatus,
  type ProductReviews,
  type ProductStock,
  type Promotion,
} from '../../core';
import {
  isCopyComplete,
  type DeviceDb,
  type DeviceReplicator,
  type StoredProduct,
} from '../../client';

export type ProductView = {
  product: StoredProduct;
  stock: ProductStock | undefined;
  reviews: ProductReviews | undefined;
  promotion: Promotion | undefined;
  /** The store's promotions: the tiles of other products are priced with them. */
  promotions: Promotion[];
  locations: Location[];
  /** The neighbours this store follows, with their last stock confirmation (chain stores). */
  neighbours: NeighbourStatus[];
  complementary: StoredProduct[];
  /** The food products that go with this one (food.pairings), those still in the catalogue. */
  pairings: StoredProduct[];
  /** Answered by the store server, not read from the copy (a scan while the copy fills). */
  fromServer?: true;
};

/** Small, store-wide tables every product page needs; kept in memory by
 * `useStoreContext` so opening a product does not read them again. */
export type StoreContext = {
  promotions: Promotion[];
  locations: Location[];
  neighbours: NeighbourStatus[];
};

export async function loadStoreContext(db: DeviceDb): Promise<StoreContext> {
  return db.transaction('r', [db.promotions, db.locations, db.neighbours], async () => {
    const [promotions, locations, neighbours] = await Promise.all([
      db.promotions.toArray(),
      db.locations.toArray(),
      db.neighbours.toArray(),
    ]);
    return { promotions, locations, neighbours };
  });
}

/** With `context`, only the product's own documents are read (product, stock,
 * reviews in parallel, then complementary and paired products); without, the store's
 * promotions and locations are read too. */
export async function loadProductView(
  db: DeviceDb,
  productId: string,
  now = new Date(),
  context?: StoreContext,
): Promise<ProductView | undefined> {
  return readView(db, now, context, () => db.products.get(productId), productId);
}

/** The same from a scanned GTIN-14, the code lookup in the same transaction. */
export async function loadProductViewByGtin(
  db: DeviceDb,
  gtin14: string,
  now = new Date(),
  context?: StoreContext,
): Promise<ProductView | undefined> {
  return readView(db, now, context, () => db.productByGtin(gtin14));
}

/**
 * A scanned code. Once the copy is complete, the copy alone answers (so scans
 * work offline). While it fills (a first start on a big store), the store
 * server is asked at the same time: a read waits behind the copy's large
 * write transactions, the server does not; the first that has the product wins.
 */
export async function loadScannedView(
  device: { db: DeviceDb; replicator: DeviceReplicator },
  gtin14: string,
  now = new Date(),
  context?: StoreContext,
): Promise<ProductView | undefined> {
  const local = loadProductViewByGtin(device.db, gtin14, now, context);
  if (isCopyComplete(device.replicator.current)) return local;
  const remote = device.replicator.productAtServer(gtin14).then((answer) => {
    if (!answer) return undefined;
    // Not read from the copy either: its tables may be held by a write.
    const store = context ?? { promotions: [], locations: [], neighbours: [] };
    const view: ProductView = {
      product: answer.product,
      stock: answer.stock,
      reviews: undefined, // not in the server's answer; the page shows them once synced
      promotion: activePromotion(store.promotions, answer.product.id, now),
      promotions: store.promotions,
      locations: store.locations,
      neighbours: store.neighbours,
      complementary: [],
      pairings: [],
      fromServer: true,
    };
    return view;
  });
  return firstFound([local, remote]);
}

/** The first answer that found something; undefined once every one found nothing or failed. */
function firstFound<T>(answers: Promise<T | undefined>[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    let pending = answers.length;
    const settle = (value: T | undefined) => {
      if (value !== undefined) resolve(value);
      else if (--pending === 0) resolve(undefined);
    };
    for (const answer of answers) answer.then(settle, () => settle(undefined));
  });
}

async function readView(
  db: DeviceDb,
  now: Date,
  context: StoreContext | undefined,
  findProduct: () => Promise<StoredProduct | undefined>,
  knownId?: string,
): Promise<ProductView | undefined> {
  const tables = context
    ? [db.products, db.stock, db.reviews]
    : [db.products, db.stock, db.reviews, db.promotions, db.locations, db.neighbours];
  return db.transaction('r', tables, async () => {
    // A known id lets stock and reviews be read alongside the product.
    const early = knownId ? readOwn(db, knownId) : undefined;
    const [product, store] = await Promise.all([findProduct(), context ?? loadStoreContext(db)]);
    if (!product) return undefined;
    const [[stock, reviews], complementary, pairings] = await Promise.all([
      early ?? readOwn(db, product.id),
      db.products.bulkGet(product.complementary.slice(0, 6)),
      db.products.bulkGet((product.food?.pairings ?? []).slice(0, 6)),
    ]);
    return {
      product,
      stock,
      reviews,
      promotion: activePromotion(store.promotions, product.id, now),
      promotions: store.promotions,
      locations: store.locations,
      neighbours: store.neighbours,
      complementary: complementary.filter(isPresent),
      pairings: pairings.filter(isPresent),
    };
  });
}

const isPresent = (p: StoredProduct | undefined): p is StoredProduct => !!p;

function readOwn(db: DeviceDb, productId: string) {
  return Promise.all([db.stock.get(productId), db.reviews.get(productId)]);
}

/** Units at one location of the chosen variant, or of all of them when none is chosen. */
export function unitsOfChoice(
  stock: ProductStock | undefined,
  locationId: string,
  variantId: string | undefined,
): number {
  const units = unitsAt(stock, locationId);
  if (!units) return 0;
  return variantId ? unitsOfVariant(units.quantities, variantId) : units.total;
}

/** Units of every variant (or the product itself) at one location. */
export function unitsAt(stock: ProductStock | undefined, locationId: string) {
  const level = stock?.levels.find((l) => l.locationId === locationId);
  if (!level) return undefined;
  return {
    total: totalUnits(level.quantities),
    aisle: level.aisle,
    quantities: level.quantities,
  };
}

/**
 * Another store's units of the chosen variant (or of all), as a screen may show them: from this
 * store's own feed (standalone), confirmed by that store within the window (with its age), or
 * unavailable (that store stopped confirming: offline), never a stale number.
 */
export function unitsElsewhere(
  stock: ProductStock | undefined,
  neighbours: readonly NeighbourStatus[],
  locationId: string,
  variantId: string | undefined,
  nowMs: number,
) {
  const level = stock?.levels.find((l) => l.locationId === locationId);
  const figure = neighbourFigure(
    level,
    neighbours.find((n) => n.id === locationId),
    nowMs,
  );
  if (figure.kind === 'unavailable') return figure;
  return { ...figure, units: unitsOfChoice(stock, locationId, variantId) };
}
