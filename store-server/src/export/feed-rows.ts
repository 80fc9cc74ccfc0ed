// Catalogue documents → feed lines (Google Merchant Center columns and
// Vitrine's own, core/feed/columns.ts): the inverse of the importer's build, so
// the same feed read back gives the same documents. A product is one line per
// variant grouped by item_group_id (its id); the words, taxonomy and links go
// on its first line only, since the import takes them from there. Variant ids
// go back to the feed's own ids (feedIdOf).
import {
  feedIdOf,
  minorUnitDigits,
  NO_TAGS,
  NUTRIMENT_COLUMNS,
  STORE_COLUMNS,
  STORE_ORIGIN,
  type LocalPrice,
  type Localized,
  type Location,
  type Product,
  type ProductStock,
  type Sale,
} from '@vitrine/shared/core';

/** A line: column → value; an array is a repeated column (XML elements, TSV's extra columns). */
export type FeedRow = Record<string, string | string[]>;

export type RowOptions = {
  currency: string;
  /** The feed's image link for a screen's image src; undefined leaves it out. */
  imageLink: (src: string) => string | undefined;
};

const FOOD_NUTRIMENTS = Object.entries(NUTRIMENT_COLUMNS);

function priceText(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}

function saleColumns(sale: Sale | null | undefined, currency: string): FeedRow {
  if (!sale) return {};
  const row: FeedRow = { sale_price: priceText(sale.priceCents, currency) };
  if (sale.startsAt || sale.endsAt)
    row.sale_price_effective_date = `${sale.startsAt ?? ''}/${sale.endsAt ?? ''}`;
  return row;
}

function put(row: FeedRow, column: string, value: string | undefined): void {
  if (value !== undefined && value !== '') row[column] = value;
}

/** A text in French (the plain column) and English (`column@en`). */
function putBoth(row: FeedRow, column: string, text: Localized | undefined): void {
  if (!text) return;
  put(row, column, text.fr);
  if (text.en !== text.fr) put(row, `${column}@en`, text.en);
}

function productLevel(product: Product, options: RowOptions): FeedRow {
  const row: FeedRow = {};
  putBoth(row, 'description', product.description.fr ? product.description : undefined);
  const images = product.images.flatMap((src) => options.imageLink(src) ?? []);
  put(row, 'image_link', images[0]);
  if (images.length > 1) row.additional_image_link = images.slice(1);
  put(row, 'brand', product.brand);
  put(row, 'product_type', product.categoryPath.map((level) => level.fr).join(' > '));
  const en = product.categoryPath.map((level) => level.en).join(' > ');
  if (en !== row.product_type) put(row, 'product_type@en', en);
  put(row, 'google_product_category', product.googleCategory);
  put(row, 'size_system', product.sizeSystem);
  const model = product.model3d;
  put(row, 'model_3d_link', model?.startsWith('/') ? `${STORE_ORIGIN}${model}` : model);
  put(row, 'department', product.department);
  put(row, 'item_group_gtin', product.gtin);
  put(row, 'tags', product.tags.join(','));
  if (product.loyaltyPriceCents !== undefined)
    put(row, 'loyalty_price', priceText(product.loyaltyPriceCents, options.currency));
  put(row, 'complementary_ids', product.complementary.join(','));
  put(row, 'pairing_ids', product.food?.pairings?.join(','));
  const dishes = product.food?.dishes;
  if (dishes?.length)
    putBoth(row, 'dishes', {
      fr: dishes.map((dish) => dish.fr).join(', '),
      en: dishes.map((dish) => dish.en).join(', '),
    });
  if (product.attributes.length > 0)
    row.product_detail = product.attributes.map((a) => `:${a.key}:${a.value}`);
  return row;
}

/** The product's lines, one per variant, the product's own columns on the first. */
export function productRows(product: Product, options: RowOptions): FeedRow[] {
  return product.variants.map((variant, index) => {
    const row: FeedRow = { id: feedIdOf(variant.id), item_group_id: product.id };
    putBoth(row, 'title', product.name);
    row.price = priceText(variant.priceCents ?? product.priceCents, options.currency);
    Object.assign(
      row,
      saleColumns(variant.sale === undefined ? product.sale : variant.sale, options.currency),
    );
    put(row, 'gtin', variant.gtin);
    put(row, 'size', variant.size);
    put(row, 'color', variant.colour);
    put(row, 'color@en', variant.colourName?.en);
    put(row, 'color_hex', variant.swatch);
    return index === 0 ? { ...row, ...productLevel(product, options) } : row;
  });
}

/** The product's food facts as one line of a food feed, keyed by the product's id. */
export function foodRow(product: Product): FeedRow | undefined {
  const food = product.food;
  if (!food) return undefined;
  const row: FeedRow = { id: product.id };
  putBoth(row, 'ingredients_text', food.composition);
  putBoth(
    row,
    'origins',
    food.originLabel ?? (food.origin ? { fr: food.origin, en: food.origin } : undefined),
  );
  const tags = (list: string[] | undefined) => list && (list.length > 0 ? list.join(',') : NO_TAGS);
  put(row, 'allergens', tags(food.allergens));
  put(row, 'traces', tags(food.traces));
  if (food.nutritionBasis) put(row, 'nutrition_data_per', food.nutritionBasis);
  for (const [column, key] of FOOD_NUTRIMENTS) {
    const amount = food.nutritionPer100g?.[key];
    if (amount !== undefined) put(row, column, String(amount));
  }
  put(row, 'nutriscore_grade', food.nutriscoreGrade);
  return Object.keys(row).length > 1 ? row : undefined;
}

/** A stock record as local inventory lines: one per store and item counted there. */
/** A store's own price for an item where it is not the chain's (local_prices), by store and variant. */
export type LocalPriceOf = (locationId: string, variantId: string) => LocalPrice | undefined;

/** Local inventory lines: a store's quantity, aisle, and its own price where it has one. */
export function inventoryRows(
  stock: ProductStock,
  currency: string,
  localPrice: LocalPriceOf = () => undefined,
): FeedRow[] {
  const rows: FeedRow[] = [];
  for (const level of stock.levels) {
    for (const [variantId, quantity] of Object.entries(level.quantities)) {
      const row: FeedRow = {
        store_code: level.locationId,
        id: feedIdOf(variantId),
        quantity: String(quantity),
      };
      put(row, 'instore_product_location', level.aisle);
      const local = localPrice(level.locationId, variantId);
      if (local?.priceCents !== undefined) row.price = priceText(local.priceCents, currency);
      Object.assign(row, saleColumns(local?.sale, currency));
      rows.push(row);
    }
  }
  return rows;
}

/** A stores-file line: a stock location with what is known of it. */
export function storeRow(location: Location): FeedRow {
  const row: FeedRow = { store_code: location.id };
  put(row, 'name', location.name);
  put(row, 'address', location.address);
  put(row, 'city', location.city);
  put(row, 'time_zone', location.timeZone);
  put(row, 'currency', location.currency);
  if (location.latitude !== undefined && location.longitude !== undefined) {
    row.latitude = String(location.latitude);
    row.longitude = String(location.longitude);
  }
  if (location.kind !== 'store') row.kind = location.kind;
  return row;
}

/** The columns each feed is written with, in this order (a delimited feed's header). */
export const FEED_HEADERS = {
  products: [
    'id',
    'item_group_id',
    'title',
    'title@en',
    'description',
    'description@en',
    'price',
    'sale_price',
    'sale_price_effective_date',
    'gtin',
    'brand',
    'size',
    'color',
    'color@en',
    'color_hex',
    'size_system',
    'image_link',
    'additional_image_link',
    'product_type',
    'product_type@en',
    'google_product_category',
    'department',
    'item_group_gtin',
    'tags',
    'loyalty_price',
    'complementary_ids',
    'pairing_ids',
    'dishes',
    'dishes@en',
    'model_3d_link',
    'product_detail',
  ],
  inventory: [
    'store_code',
    'id',
    'quantity',
    'instore_product_location',
    'price',
    'sale_price',
    'sale_price_effective_date',
  ],
  food: [
    'id',
    'ingredients_text',
    'ingredients_text@en',
    'origins',
    'origins@en',
    'allergens',
    'traces',
    'nutrition_data_per',
    ...Object.keys(NUTRIMENT_COLUMNS),
    'nutriscore_grade',
  ],
  // Every column the reader knows, in its order: a stores file has no columns of its own to add.
  stores: STORE_COLUMNS,
} as const satisfies Record<string, readonly string[]>;
