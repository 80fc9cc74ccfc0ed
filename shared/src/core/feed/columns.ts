// The columns a feed may have, by their Google Merchant Center names (the same
// names, under the `g:` namespace, in RSS 2.0 XML), with the spellings
// spreadsheets and older feeds use, Open Food Facts' food columns and Vitrine's
// own extensions (`title@en`: the same text in a second language).

export type FeedKind = 'products' | 'inventory' | 'food' | 'stores';

/** Per 100 g (or 100 ml) nutriments, by Open Food Facts column. */
export const NUTRIMENT_COLUMNS = {
  'energy-kcal_100g': 'energyKcal',
  fat_100g: 'fat',
  'saturated-fat_100g': 'saturatedFat',
  carbohydrates_100g: 'carbohydrates',
  sugars_100g: 'sugars',
  proteins_100g: 'protein',
  salt_100g: 'salt',
  fiber_100g: 'fibre',
} as const;
export type NutrimentKey = (typeof NUTRIMENT_COLUMNS)[keyof typeof NUTRIMENT_COLUMNS];

const FOOD_COLUMNS = [
  'ingredients_text',
  'allergens',
  'traces',
  'origins',
  'nutrition_data_per',
  'nutriscore_grade',
  ...Object.keys(NUTRIMENT_COLUMNS),
] as const;

const PRODUCT_COLUMNS = [
  'id',
  'title',
  'description',
  'link',
  'image_link',
  'additional_image_link',
  'price',
  'sale_price',
  'sale_price_effective_date',
  'availability',
  'gtin',
  'mpn',
  'brand',
  'item_group_id',
  'size',
  'color',
  'material',
  'pattern',
  'gender',
  'age_group',
  'condition',
  'size_system',
  'size_type',
  'google_product_category',
  'product_type',
  // Google's "section:name:value" facts, one a column (repeat the column for more).
  'product_detail',
  // Vitrine's extensions: ids of other products in the same feed, a 3D model,
  // and what screens show that Google has no column for (vitrine-columns.ts).
  'complementary_ids',
  'pairing_ids',
  'model_3d_link',
  'department',
  'item_group_gtin',
  'tags',
  'loyalty_price',
  'color_hex',
  'dishes',
  // Food retailers may add the food columns to the product feed itself.
  ...FOOD_COLUMNS,
] as const;

const INVENTORY_COLUMNS = [
  'store_code',
  'id',
  'quantity',
  'price',
  'sale_price',
  'sale_price_effective_date',
  'availability',
  'pickup_method',
  'pickup_sla',
  'instore_product_location',
] as const;

/** A stores file: Vitrine's own, with Google Business Profile's spellings as aliases. */
export const STORE_COLUMNS = [
  'store_code',
  'name',
  'address',
  'city',
  'time_zone',
  'currency',
  'latitude',
  'longitude',
  /** Vitrine's own: `store` (the default) or `online`, the chain's web shop as a stock location. */
  'kind',
] as const;

const COLUMNS = {
  products: PRODUCT_COLUMNS,
  inventory: INVENTORY_COLUMNS,
  food: ['id', ...FOOD_COLUMNS],
  stores: STORE_COLUMNS,
} as const satisfies Record<FeedKind, readonly string[]>;

/** Columns that may be written again in another language: `title@en`. */
const LOCALIZABLE = new Set([
  'title',
  'description',
  'product_type',
  'ingredients_text',
  'origins',
  'color',
  'dishes',
]);

/** Other names for the same column, by loose key (see `looseKey`). */
const ALIASES: Readonly<Record<string, string>> = {
  itemid: 'id',
  offerid: 'id',
  storecode: 'store_code',
  storeid: 'store_code',
  colour: 'color',
  ean: 'gtin',
  upc: 'gtin',
  barcode: 'gtin',
  name: 'title',
  additionalimagelinks: 'additional_image_link',
  qty: 'quantity',
  aisle: 'instore_product_location',
  energykcal100g: 'energy-kcal_100g',
  energy100g: 'energy-kcal_100g',
  protein100g: 'proteins_100g',
  fibre100g: 'fiber_100g',
  nutritiongrade: 'nutriscore_grade',
  nutriscore: 'nutriscore_grade',
  businessname: 'name',
  storename: 'name',
  addressline1: 'address',
  locality: 'city',
  tz: 'time_zone',
  lat: 'latitude',
  lng: 'longitude',
  lon: 'longitude',
  long: 'longitude',
};

/** Case, spaces, underscores and hyphens do not matter: "Image Link" is image_link. */
function looseKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const lookups = new Map<FeedKind, Map<string, string>>();

function lookup(kind: FeedKind): Map<string, string> {
  let table = lookups.get(kind);
  if (!table) {
    const columns: readonly string[] = COLUMNS[kind];
    table = new Map(columns.map((column) => [looseKey(column), column]));
    for (const [alias, column] of Object.entries(ALIASES)) {
      if (columns.includes(column) && !table.has(alias)) table.set(alias, column);
    }
    lookups.set(kind, table);
  }
  return table;
}

/**
 * The canonical name of a header or XML element in a feed of this kind
 * ("Image Link" → image_link, "g:price" → price, "title@EN" → title@en),
 * or undefined for a column this kind does not read.
 */
export function canonicalColumn(name: string, kind: FeedKind): string | undefined {
  const bare = name.trim().replace(/^g:/i, '');
  const at = bare.lastIndexOf('@');
  const base = at > 0 ? bare.slice(0, at) : bare;
  const column = lookup(kind).get(looseKey(base));
  if (!column) return undefined;
  if (at <= 0) return column;
  const language = bare.slice(at + 1).toLowerCase();
  return LOCALIZABLE.has(column) && /^[a-z]{2}$/.test(language)
    ? `${column}@${language}`
    : undefined;
}

const known = new Map<FeedKind, Map<string, string | null>>();

// Every line repeats the same few names: look each up once per kind (bounded, as
// XML element names come from the file), without building a key per field.
function cachedColumn(name: string, kind: FeedKind): string | undefined {
  let ofKind = known.get(kind);
  if (ofKind === undefined) known.set(kind, (ofKind = new Map<string, string | null>()));
  let column = ofKind.get(name);
  if (column === undefined) {
    column = canonicalColumn(name, kind) ?? null;
    if (ofKind.size < 10_000) ofKind.set(name, column);
  }
  return column ?? undefined;
}

/** A line's values by canonical column; repeated columns give arrays. */
export type FeedFields = Record<string, string | string[]>;

/**
 * A line's values by canonical column. Columns not read by this kind are
 * dropped and named in `unknown` once per file: `seen` remembers them.
 */
export function canonicalFields(
  raw: Readonly<Record<string, string | readonly string[]>>,
  kind: FeedKind,
  seen: Set<string>,
): { fields: FeedFields; unknown: string[] } {
  const fields: FeedFields = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const column = cachedColumn(name, kind);
    if (!column) {
      if (!seen.has(name)) {
        seen.add(name);
        unknown.push(name);
      }
      continue;
    }
    const before = fields[column];
    if (before === undefined && typeof value === 'string') {
      fields[column] = value; // the usual case: one value, a column seen once
      continue;
    }
    const values = typeof value === 'string' ? [value] : [...value];
    const all = before === undefined ? values : [...[before].flat(), ...values];
    fields[column] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return { fields, unknown };
}
