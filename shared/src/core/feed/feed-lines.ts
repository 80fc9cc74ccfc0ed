// What the feed readers hand on: one typed record per accepted line, in the
// feed's own terms (not the catalogue documents built from them later), so the
// catalogue model can change without touching the readers.
import { z } from 'zod';
import { CurrencyCode } from '../money';
import { NUTRIMENT_COLUMNS } from './columns';
import { AVAILABILITIES, NUTRISCORE_GRADES } from './fields';
import { Slug } from '../product-facts';

/** A text as the feed's main column has it, and any `column@xx` translations. */
export const FeedText = z.object({
  text: z.string(),
  byLanguage: z.record(z.string(), z.string()),
});
export type FeedText = z.infer<typeof FeedText>;

const Minor = z.number().int().nonnegative();
const Instant = z.iso.datetime();
const Price = z.object({ minor: Minor, currency: CurrencyCode });
const Sale = z.object({ minor: Minor, startsAt: Instant.optional(), endsAt: Instant.optional() });
const Availability = z.enum(AVAILABILITIES);
const LineNumber = z.number().int().positive();
const FeedId = z.string().min(1).max(64);

const nutrimentKeys = Object.values(NUTRIMENT_COLUMNS);
const Nutriments = z.partialRecord(z.enum(nutrimentKeys), z.number().nonnegative());

/** Open Food Facts-style facts: every part optional, as feeds have them. */
export const FoodPart = z.object({
  ingredients: FeedText.optional(),
  allergens: z.array(z.string()).optional(),
  traces: z.array(z.string()).optional(),
  origins: FeedText.optional(),
  nutriments: Nutriments.optional(),
  nutritionBasis: z.enum(['100g', '100ml']).optional(),
  nutriscoreGrade: z.enum(NUTRISCORE_GRADES).optional(),
});
export type FoodPart = z.infer<typeof FoodPart>;

/** Vitrine's own product columns, read by vitrine-columns.ts. */
export const ProductExtras = z.object({
  department: Slug.optional(),
  groupGtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  tags: z.array(z.string()).optional(),
  loyaltyMinor: z.number().int().nonnegative().optional(),
  /** `color` with its `color@xx` translations, when it has any. */
  colorName: FeedText.optional(),
  swatch: z.string().optional(),
  /** Comma-separated in each language. */
  dishes: FeedText.optional(),
  details: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});
export type ProductExtras = z.infer<typeof ProductExtras>;

export const ProductLine = z.object({
  line: LineNumber,
  id: FeedId,
  itemGroupId: FeedId.optional(),
  title: FeedText,
  description: FeedText.optional(),
  link: z.string().optional(),
  /** image_link first, then each additional_image_link. */
  images: z.array(z.string()),
  price: Price,
  sale: Sale.optional(),
  availability: Availability.optional(),
  gtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  mpn: z.string().optional(),
  brand: z.string().optional(),
  size: z.string().optional(),
  color: z.string().optional(),
  sizeSystem: z.string().optional(),
  googleProductCategory: z.string().optional(),
  /** product_type split on ">", broadest first, and its `product_type@xx` translations. */
  productType: z
    .object({ path: z.array(z.string()), byLanguage: z.record(z.string(), z.array(z.string())) })
    .optional(),
  /** material, pattern, gender, age_group, condition, size_type: by column. */
  attributes: z.record(z.string(), z.string()),
  complementaryIds: z.array(FeedId),
  pairingIds: z.array(FeedId),
  model3dLink: z.string().optional(),
  food: FoodPart.optional(),
  /** Vitrine's own columns (vitrine-columns.ts). */
  extras: ProductExtras.optional(),
});
export type ProductLine = z.infer<typeof ProductLine>;

export const InventoryLine = z.object({
  line: LineNumber,
  storeCode: FeedId,
  id: FeedId,
  quantity: z.number().int().nonnegative().optional(),
  price: Price.optional(),
  sale: Sale.optional(),
  availability: Availability.optional(),
  pickupMethod: z.string().optional(),
  pickupSla: z.string().optional(),
  /** instore_product_location: the aisle. */
  aisle: z.string().optional(),
});
export type InventoryLine = z.infer<typeof InventoryLine>;

/** A store of the chain (stores file): what makes it a `Location`. */
export const StoreLine = z.object({
  line: LineNumber,
  storeCode: FeedId,
  name: z.string().optional(),
  address: z.string().optional(),
  city: z.string().optional(),
  /** An IANA zone the platform knows. */
  timeZone: z.string().optional(),
  currency: CurrencyCode.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  kind: z.enum(['store', 'online']).optional(),
});
export type StoreLine = z.infer<typeof StoreLine>;

export const FoodLine = FoodPart.extend({ line: LineNumber, id: FeedId });
export type FoodLine = z.infer<typeof FoodLine>;
