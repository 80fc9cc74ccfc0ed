// The documents the store server syncs to devices. Each is shaped the way a
// screen reads it (a product's stock in every location is one record), because
// IndexedDB pays per record, not per byte (docs/architecture.md).
import { z } from 'zod';
import { ScreenProfileDoc } from './campaign/screen-profile';
import { SignedCampaign } from './campaign/signed-campaign';
import { StoreSettings } from './store-settings';
import { isValidGtin } from './gtin';
import { Attributes, FoodFacts, Slug } from './product-facts';

export const Localized = z.object({ fr: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

/** A GTIN written with 14 digits (normalizeGtin), its check digit right. */
export const Gtin14 = z
  .string()
  .regex(/^\d{14}$/, 'a 14-digit GTIN')
  .refine(isValidGtin, 'a GTIN whose check digit is wrong');
const Id = z.string().min(1).max(64);

/**
 * A variant's id: the feed's `id` (an SKU), unique across the catalogue. Stock
 * is keyed by it, so it must be a safe object key: it starts with a letter or
 * digit (never `__proto__`) and holds no spaces, slashes or quotes.
 */
export const VariantId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,63}$/,
    'a variant id: up to 64 letters, digits or . _ : ~ -, starting with a letter or digit',
  );
const Cents = z.number().int().nonnegative();
/** A UTC instant as `toISOString()` writes it: compared as a string (pricing.ts). */
const Instant = z.iso.datetime();

/**
 * A sale price from the feed (sale_price with its effective dates), resolved
 * for this store. Either bound may be absent: the sale runs from always or
 * until further notice. core/pricing.ts `priceNow` reads it.
 */
export const Sale = z
  .object({ priceCents: Cents, startsAt: Instant.optional(), endsAt: Instant.optional() })
  .refine((sale) => !sale.startsAt || !sale.endsAt || sale.startsAt < sale.endsAt, {
    message: 'a sale that ends before it starts',
  });
export type Sale = z.infer<typeof Sale>;

export const Variant = z.object({
  id: VariantId,
  /** Absent for an item without a barcode: it is found by search, not by scanning. */
  gtin: Gtin14.optional(),
  size: z.string().optional(),
  colour: z.string().optional(),
  /** The colour's name in each language, when the catalogue has it (`colour` is its own label). */
  colourName: Localized.optional(),
  /** This variant's price when it is not the product's (a larger size); the product has the lowest. */
  priceCents: z.number().int().nonnegative().optional(),
  /** This variant's sale when it is not the product's; null: this variant is not on sale. */
  sale: Sale.nullable().optional(),
  /** The colour to draw beside its name on a swatch, #rrggbb. */
  swatch: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb')
    .optional(),
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.object({
  id: Id,
  /** The product's own code when it has one besides its variants' (optional, as theirs). */
  gtin: Gtin14.optional(),
  name: Localized,
  brand: z.string(),
  /** The root of `categoryPath` as a slug (`fashion`, `garden`): perks, experts and the search facet use it. */
  department: Slug,
  /** The shelves the product sits on, broadest first, in both languages
   * (Mode › Chaussures › Baskets): the words shoppers search for a kind of product. */
  categoryPath: z.array(Localized).min(1).max(8),
  /** The feed's `google_product_category`, kept as written (an id or a path). */
  googleCategory: z.string().max(750).optional(),
  description: Localized,
  priceCents: Cents,
  loyaltyPriceCents: Cents.optional(),
  /** The sale on its items (each variant's unless the variant says otherwise). */
  sale: Sale.optional(),
  images: z.array(z.string()),
  tags: z.array(z.string()),
  /** What is sold and counted: at least one, ids unique (a product sold as one item has one). */
  variants: z
    .array(Variant)
    .min(1)
    .refine((variants) => new Set(variants.map((v) => v.id)).size === variants.length, {
      message: 'two variants with the same id',
    }),
  complementary: z.array(Id),
  /** Facts shown as a table (a drill's power, a shirt's fabric). */
  attributes: Attributes,
  /** The sizing system its sizes are written in (`letters`, `eu-shoes`): size advice needs one. */
  sizeSystem: Slug.optional(),
  /** A 3D model to turn around (a URL the screens may load). */
  model3d: z.string().optional(),
  food: FoodFacts.optional(),
});
export type Product = z.infer<typeof Product>;

export const StockLevel = z.object({
  locationId: Id,
  /** Per variant id → units available (read with unitsOfVariant: the ids are data). */
  quantities: z.record(VariantId, z.number().int().nonnegative()),
  aisle: z.string().optional(),
  /**
   * Another store's figure as that store last confirmed it over the chain's link (neighbour
   * stock, issue 16). Absent: the store's own level, or a figure from this store's own feed
   * (a standalone store's inventory file names every store), shown as it is.
   */
  confirmedAt: z.iso.datetime().optional(),
});
export const ProductStock = z.object({ id: Id, levels: z.array(StockLevel) });
export type ProductStock = z.infer<typeof ProductStock>;

export const Review = z.object({
  id: Id,
  rating: z.number().int().min(1).max(5),
  lang: z.enum(['fr', 'en']),
  author: z.string(),
  title: z.string(),
  text: z.string(),
  date: z.string(),
});
export const ProductReviews = z.object({
  id: Id,
  average: z.number().min(0).max(5),
  count: z.number().int().nonnegative(),
  histogram: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  reviews: z.array(Review),
});
export type ProductReviews = z.infer<typeof ProductReviews>;

export const Promotion = z.object({
  id: Id,
  productIds: z.array(Id),
  kind: z.enum(['percent', 'amount', 'second-half-price']),
  /** percent: 0–100; amount: cents off (see pricing.ts). */
  value: z.number().nonnegative(),
  label: Localized,
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Promotion = z.infer<typeof Promotion>;

export const FaqEntry = z.object({
  id: Id,
  question: Localized,
  answer: Localized,
  tags: z.array(z.string()),
  /** Other ways shoppers put the question, per language (the assistant matches them too). */
  variants: z
    .object({ fr: z.array(z.string().max(200)).max(50), en: z.array(z.string().max(200)).max(50) })
    .optional(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

export const Location = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  kind: z.enum(['store', 'online']),
  /** From the chain's stores file (import), when it says. */
  address: z.string().optional(),
  timeZone: z.string().optional(),
  currency: z.string().optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * A neighbour store whose stock this store follows, and when it last confirmed its whole stock
 * (every batch up to then received in order). A level's figure is as fresh as the later of its
 * own confirmedAt and this: an unchanged store re-confirms every 15 min without rewriting
 * every product's stock record.
 */
export const NeighbourStatus = z.object({ id: Id, confirmedAt: z.iso.datetime() });
export type NeighbourStatus = z.infer<typeof NeighbourStatus>;

export const Look = z.object({ id: Id, name: Localized, productIds: z.array(Id) });
export type Look = z.infer<typeof Look>;

/** Every synced collection with the schema of its documents. */
export const collectionSchemas = {
  products: Product,
  stock: ProductStock,
  reviews: ProductReviews,
  promotions: Promotion,
  faq: FaqEntry,
  locations: Location,
  looks: Look,
  /** Head-office campaigns, signed; players verify before they play (campaign/). */
  campaigns: SignedCampaign,
  /** Each signage screen's targeting profile and its store's time zone. */
  screens: ScreenProfileDoc,
  /** Each store's settings for its screens: brand theme, staff access (store-settings/). */
  settings: StoreSettings,
  /** The neighbour stores whose stock this store shows, with their last confirmation (chain only). */
  neighbours: NeighbourStatus,
} as const;
export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];
export type CollectionDoc<C extends CollectionName> = z.infer<(typeof collectionSchemas)[C]>;
