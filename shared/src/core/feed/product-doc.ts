// The lines of one item group (or one lone item) → the product document screens
// read. Pure: the server hands in the lines, the food facts and how to name an
// image, and gets the document and what it had to say about the lines.
//
// One group is one product: its name, brand, description, taxonomy and facts
// come from its first line (the feed's order), its variants from every line.
// The product's price is its lowest; a variant priced otherwise carries its own;
// sales likewise (product-sale.ts).
import { Product, type Localized, type Variant } from '../catalogue';
import { slugOf, type Attribute, type FoodFacts } from '../product-facts';
import type { FeedText, FoodLine, FoodPart, ProductLine } from './feed-lines';
import type { ReportEntry } from './line-report';
import { salesOf } from './product-sale';
import { variantIdOf } from './variant-key';
import { storePathOf } from './vitrine-columns';
import { reported, reportMessage, type ReportMessage } from './report-messages';

export type FeedLanguage = 'fr' | 'en';

export type ProductDocOptions = {
  file: string;
  /** The language of the feed's plain columns (`title`); `title@en` gives the other. */
  language: FeedLanguage;
  /** Where screens load a feed image from (the image cache), or why it is not taken. */
  imageSrc: (url: string) => { src: string } | { problem: string };
  /** The product that already has this GTIN, when another one does (it keeps it). */
  gtinOwner: (gtin: string) => string | undefined;
  /** The product an item id of the feed belongs to (complementary_ids may name items). */
  productOfItem: (feedId: string) => string | undefined;
};

export type ProductDocResult = { product?: Product; entries: ReportEntry[] };

/** Where a product without product_type or a named Google category is filed. */
const OTHER: Localized = { fr: 'Autres', en: 'Other' };

function localized(text: FeedText, language: FeedLanguage): Localized {
  const other: FeedLanguage = language === 'fr' ? 'en' : 'fr';
  const main = text.byLanguage[language] ?? text.text;
  return { [language]: main, [other]: text.byLanguage[other] ?? main } as Localized;
}

function categoryPathOf(line: ProductLine, language: FeedLanguage): Localized[] | undefined {
  const other: FeedLanguage = language === 'fr' ? 'en' : 'fr';
  if (line.productType && line.productType.path.length > 0) {
    const { path, byLanguage } = line.productType;
    const main = byLanguage[language] ?? path;
    return path.map((level, index) => {
      const own = main[index] ?? level;
      return { [language]: own, [other]: byLanguage[other]?.[index] ?? own } as Localized;
    });
  }
  // A Google category written as a path names shelves; written as an id it does not.
  const google = line.googleProductCategory;
  if (google && !/^\d+$/.test(google.trim())) {
    const levels = google
      .split('>')
      .map((level) => level.trim())
      .filter(Boolean)
      .slice(0, 8);
    return levels.map((level) => ({ fr: level, en: level }));
  }
  return undefined;
}

/** A department's slug from its shelf's name; a name with no Latin letters gets a stable code. */
function departmentOf(root: string): string {
  const slug = slugOf(root);
  if (slug !== '') return slug;
  let hash = 0x811c9dc5; // FNV-1a, enough to tell shelves apart
  for (const char of root) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `d-${hash.toString(16).padStart(8, '0')}`;
}

function attributesOf(line: ProductLine): Attribute[] {
  const rows: Attribute[] = [];
  const named = [
    ...Object.entries(line.attributes),
    ...(line.extras?.details ?? []).map(({ name, value }) => [name, value] as const),
  ];
  for (const [column, value] of named) {
    const key = slugOf(column);
    if (key !== '' && !rows.some((row) => row.key === key)) rows.push({ key, value });
  }
  return rows;
}

/** A comma-separated list in each language, paired by place. */
function localizedList(text: FeedText, language: FeedLanguage): Localized[] {
  const both = localized(text, language);
  const split = (list: string) =>
    list
      .split(',')
      .map((each) => each.trim())
      .filter(Boolean);
  const en = split(both.en);
  return split(both.fr).map((fr, index) => ({ fr, en: en[index] ?? fr }));
}

function foodFactsOf(
  parts: FoodPart[],
  pairings: string[],
  language: FeedLanguage,
  dishes: Localized[],
): FoodFacts | undefined {
  // Later parts (the food file) win over earlier ones (the product line's own columns).
  const part: FoodPart = Object.assign({}, ...parts) as FoodPart;
  const facts: FoodFacts = {};
  if (part.ingredients) facts.composition = localized(part.ingredients, language);
  if (part.origins) {
    facts.origin = part.origins.byLanguage.fr ?? part.origins.text;
    facts.originLabel = localized(part.origins, language);
  }
  if (part.allergens) facts.allergens = part.allergens;
  if (part.traces) facts.traces = part.traces;
  if (part.nutritionBasis) facts.nutritionBasis = part.nutritionBasis;
  if (part.nutriments && Object.keys(part.nutriments).length > 0)
    facts.nutritionPer100g = part.nutriments;
  if (part.nutriscoreGrade) facts.nutriscoreGrade = part.nutriscoreGrade;
  if (pairings.length > 0) facts.pairings = pairings;
  if (dishes.length > 0) facts.dishes = dishes;
  return Object.keys(facts).length > 0 ? facts : undefined;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * One product from its lines (in the feed's order, at least one) and any food
 * lines naming it or one of its items. A line that cannot be a variant is
 * refused on its own; the product is refused only when none can.
 */
export function productDocOf(
  productId: string,
  lines: readonly ProductLine[],
  foodLines: readonly FoodLine[],
  options: ProductDocOptions,
): ProductDocResult {
  const entries: ReportEntry[] = [];
  const warn = (line: number, field: string, message: ReportMessage) =>
    entries.push({ file: options.file, line, field, ...reported(message), action: 'warning' });
  const reject = (line: number, field: string, message: ReportMessage) =>
    entries.push({ file: options.file, line, field, ...reported(message), action: 'rejected' });

  const variants: (Variant & { line: number; minor: number })[] = [];
  const gtins = new Set<string>();
  for (const line of lines) {
    const id = variantIdOf(line.id);
    if (id === undefined) {
      reject(line.line, 'id', reportMessage('id_unkeyable'));
      continue;
    }
    const variant: Variant & { line: number; minor: number } = {
      id,
      line: line.line,
      minor: line.price.minor,
    };
    if (line.gtin !== undefined) {
      const owner = options.gtinOwner(line.gtin);
      if (gtins.has(line.gtin))
        warn(line.line, 'gtin', reportMessage('gtin_on_sibling', { gtin: line.gtin }));
      else if (owner !== undefined && owner !== productId)
        warn(line.line, 'gtin', reportMessage('gtin_owned', { gtin: line.gtin, owner }));
      else {
        variant.gtin = line.gtin;
        gtins.add(line.gtin);
      }
    }
    if (line.size !== undefined) variant.size = line.size;
    if (line.color !== undefined) variant.colour = line.color;
    if (line.extras?.colorName)
      variant.colourName = localized(line.extras.colorName, options.language);
    if (line.extras?.swatch) variant.swatch = line.extras.swatch;
    variants.push(variant);
  }
  const first = lines.find((line) => variants.some((variant) => variant.line === line.line));
  if (!first) return { entries };

  const lowest = Math.min(...variants.map((variant) => variant.minor));
  const sales = salesOf(
    lines.filter((line) => variants.some((variant) => variant.line === line.line)),
    warn,
  );
  let categoryPath = categoryPathOf(first, options.language);
  if (!categoryPath) {
    warn(first.line, 'product_type', reportMessage('no_type', { other: OTHER.en }));
    categoryPath = [OTHER];
  }
  const images: string[] = [];
  for (const url of unique(lines.flatMap((line) => line.images))) {
    const image = options.imageSrc(url);
    if ('src' in image) images.push(image.src);
    else
      warn(
        lines.find((line) => line.images.includes(url))!.line,
        'image_link',
        reportMessage('left_out', { cause: reportMessage('text', { text: image.problem }) }),
      );
  }

  // Links name products or their items; each becomes its product, never this one.
  const linked = (feedIds: string[]) =>
    unique(feedIds.map((id) => options.productOfItem(id) ?? id)).filter((id) => id !== productId);
  const extras = first.extras ?? {};
  const groupGtinOwner =
    extras.groupGtin === undefined ? undefined : options.gtinOwner(extras.groupGtin);
  if (
    extras.groupGtin !== undefined &&
    groupGtinOwner !== undefined &&
    groupGtinOwner !== productId
  )
    warn(
      first.line,
      'item_group_gtin',
      reportMessage('group_gtin_owned', { gtin: extras.groupGtin, owner: groupGtinOwner }),
    );
  const product: Product = {
    id: productId,
    ...(extras.groupGtin !== undefined &&
      (groupGtinOwner === undefined || groupGtinOwner === productId) && { gtin: extras.groupGtin }),
    name: localized(first.title, options.language),
    brand: first.brand ?? '',
    department:
      extras.department ??
      departmentOf(
        categoryPath[0] === OTHER ? OTHER.en : (first.productType?.path[0] ?? categoryPath[0]!.en),
      ),
    categoryPath,
    description: first.description
      ? localized(first.description, options.language)
      : { fr: '', en: '' },
    priceCents: lowest,
    ...(extras.loyaltyMinor !== undefined && { loyaltyPriceCents: extras.loyaltyMinor }),
    images,
    tags: extras.tags ?? [],
    variants: variants.map(({ line, minor, ...variant }) =>
      sales.onVariant(line, minor === lowest ? variant : { ...variant, priceCents: minor }),
    ),
    complementary: linked(lines.flatMap((line) => line.complementaryIds)),
    attributes: attributesOf(first),
  };
  if (sales.product) product.sale = sales.product;
  if (first.googleProductCategory) product.googleCategory = first.googleProductCategory;
  const sizeSystem = first.sizeSystem === undefined ? '' : slugOf(first.sizeSystem);
  if (sizeSystem !== '') product.sizeSystem = sizeSystem;
  if (first.model3dLink) product.model3d = storePathOf(first.model3dLink) ?? first.model3dLink;
  const food = foodFactsOf(
    [
      ...lines.flatMap((line) => (line.food ? [line.food] : [])),
      ...foodLines.map(({ line: _line, id: _id, ...part }) => part),
    ],
    linked(lines.flatMap((line) => line.pairingIds)),
    options.language,
    extras.dishes ? localizedList(extras.dishes, options.language) : [],
  );
  if (food) product.food = food;

  const checked = Product.safeParse(product);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    reject(
      first.line,
      issue.path.join('.'),
      reportMessage('product_unbuildable', { reason: issue.message }),
    );
    return { entries };
  }
  return { product: checked.data, entries };
}
