// The demo store: a whole retail chain's catalogue and server-side data,
// generated from a seed. Pure functions, no database, no wall clock: the
// same seed, scale and `now` always give byte-identical output.
import type {
  FaqEntry,
  Location,
  Look,
  Product,
  ProductReviews,
  ProductStock,
  Promotion,
} from '@vitrine/shared/core';
import { generateExperts } from './experts';
import { generateFaq } from './faq';
import { linkProducts } from './links';
import { generateLocations } from './locations';
import { generateLooks } from './looks';
import { generateMembers, memberCount } from './members';
import { generatePerks } from './perks';
import { generateProducts } from './products';
import { generatePromotions } from './promotions';
import { Random } from './random';
import { generateReviews } from './reviews';
import type { LoyaltyMember, Perk, RemoteExpert } from './server-schemas';
import { withServedStore } from './served-store';
import { generateStock } from './stock';

export interface DemoStoreOptions {
  /** Any integer; default 1. */
  seed?: number;
  /** Number of products; default 2,000. */
  scale?: number;
  /** The reference time for dates (promotions, reviews, vintages, expiries). */
  now: Date;
  /** The store being served, added to the locations when the demo's chain lacks it. */
  storeId?: string;
}

export interface DemoStore {
  locations: Location[];
  products: Product[];
  stock: ProductStock[];
  reviews: ProductReviews[];
  promotions: Promotion[];
  faq: FaqEntry[];
  looks: Look[];
  members: LoyaltyMember[];
  perks: Perk[];
  experts: RemoteExpert[];
}

export const DEFAULT_SEED = 1;
export const DEFAULT_SCALE = 2_000;

export function generateDemoStore({
  seed = DEFAULT_SEED,
  scale = DEFAULT_SCALE,
  now,
  storeId,
}: DemoStoreOptions): DemoStore {
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`scale must be a positive integer, got ${scale}`);
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');
  const rng = new Random(seed);
  const products = generateProducts(rng.fork('products'), scale, now);
  const looks = generateLooks(rng.fork('looks'), products);
  linkProducts(rng.fork('links'), products, looks);
  const shelves = {
    locations: generateLocations(),
    stock: generateStock(rng.fork('stock'), products),
  };
  const { locations, stock } = storeId ? withServedStore(shelves, storeId) : shelves;
  return {
    locations,
    products,
    stock,
    reviews: generateReviews(rng.fork('reviews'), products, now),
    promotions: generatePromotions(rng.fork('promotions'), products, now),
    faq: generateFaq(),
    looks,
    members: generateMembers(rng.fork('members'), memberCount(scale), now),
    perks: generatePerks(now),
    experts: generateExperts(),
  };
}

export { isLoyaltyCardCode, makeLoyaltyCardCode } from './loyalty-card';
export { MODEL_NAMES_3D, renderModel } from './models-3d';
export { renderProductImage } from './product-image';
export { LoyaltyMember, LoyaltyTier, Perk, RemoteExpert } from './server-schemas';
