// Full-text search over the local catalogue with MiniSearch: French and
// English names, brand, the product's shelves (category path) in both
// languages and tags; accent- and case-insensitive, singular = plural, prefix
// and typo-tolerant; facets on price, brand and "in stock here".
import MiniSearch, { type SearchResult } from 'minisearch';
import { priceNow, type Product, type ProductStock } from '../../core';
import { foldPlural, foldText } from './fold-text';
import { bandFromId, inBand } from './price-bands';
import {
  type PriceBand,
  type SearchDoc,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
} from './search-types';

export * from './search-types';

/** Queries longer than this are cut: nobody types more, and it bounds the work. */
const MAX_QUERY_LENGTH = 100;
const MIN_FUZZY_LENGTH = 4;
const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'the', 'and', 'of']);
const STORED = [
  'nameFr',
  'nameEn',
  'priceCents',
  'brand',
  'inStockHere',
  'department',
  'departmentLabel',
  'image',
  'sizeRange',
  'colours',
  'pricing',
] as const;

export function createCatalogueIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['nameFr', 'nameEn', 'brand', 'shelves', 'tags'],
    storeFields: [...STORED],
    processTerm: (term) => {
      const folded = foldText(term);
      return folded.length === 0 || STOP_WORDS.has(folded) ? null : foldPlural(folded);
    },
    searchOptions: {
      boost: { nameFr: 2, nameEn: 2, brand: 1.5, shelves: 1.5 },
      // A one-letter prefix matches most of the catalogue (75% of 20k products for
      // "c") and costs ~45 ms a keystroke; one letter only matches whole words.
      prefix: (term) => term.length >= 2,
      // One typo in 4–6 letters, two from 7 on (a swap of two letters, as in
      // "fromgae", is two edits); none in short words (noise).
      fuzzy: (term) => (term.length < MIN_FUZZY_LENGTH ? false : term.length < 7 ? 1 : 2),
      combineWith: 'AND',
    },
  });
}

export function searchDocOf(product: Product, stock: ProductStock | undefined, storeId: string) {
  const here = stock?.levels.find((level) => level.locationId === storeId);
  return {
    id: product.id,
    nameFr: product.name.fr,
    nameEn: product.name.en,
    brand: product.brand,
    department: product.department,
    departmentLabel: product.categoryPath[0] ?? { fr: product.department, en: product.department },
    shelves: product.categoryPath.map((shelf) => `${shelf.fr} ${shelf.en}`).join(' '),
    tags: product.tags.join(' '),
    priceCents: product.priceCents,
    inStockHere: here ? Object.values(here.quantities).some((units) => units > 0) : false,
    ...(product.images[0] ? { image: product.images[0] } : {}),
    ...tellApartFields(product),
    ...pricingFields(product),
  } satisfies SearchDoc;
}

/** Only a product on sale or with variants priced otherwise stores more than its price. */
function pricingFields(product: Product): Pick<SearchDoc, 'pricing'> {
  const own = product.variants.some((v) => v.priceCents !== undefined || v.sale !== undefined);
  if (!product.sale && !own) return {};
  const variants = own
    ? product.variants.map(({ id, priceCents, sale }) => ({
        id,
        ...(priceCents !== undefined && { priceCents }),
        ...(sale !== undefined && { sale }),
      }))
    : [];
  return { pricing: { ...(product.sale && { sale: product.sale }), variants } };
}

/** What tells two products of one name apart on a result tile (see SearchHit): its variants' sizes and colours. */
function tellApartFields(product: Product): Pick<SearchDoc, 'sizeRange' | 'colours'> {
  const sizes = distinct(product.variants.map((variant) => variant.size));
  const colours = distinct(product.variants.map((variant) => variant.colour));
  const first = sizes[0];
  const last = sizes.at(-1);
  return {
    ...(first && last ? { sizeRange: first === last ? first : `${first}–${last}` } : {}),
    ...(colours.length > 0 ? { colours } : {}),
  };
}

function distinct(values: (string | undefined)[]): string[] {
  return [
    ...new Set(values.filter((value): value is string => value !== undefined && value !== '')),
  ];
}

type Stored = SearchResult & Pick<SearchDoc, (typeof STORED)[number]>;

/** What the shopper pays now, a running sale counted: the price filter goes by it, as the tile does. */
function nowCents(hit: Stored, now: Date): number {
  const { pricing } = hit;
  if (!pricing) return hit.priceCents;
  const priced = { id: hit.id as string, priceCents: hit.priceCents, ...pricing };
  return priceNow(priced, undefined, [], now).nowCents;
}

/** `bands`: the whole catalogue's (priceBandsOf), the same for every query. */
export function searchCatalogue(
  index: MiniSearch<SearchDoc>,
  request: SearchRequest,
  bands: readonly PriceBand[],
  now = new Date(),
): SearchResponse {
  const query = request.query.slice(0, MAX_QUERY_LENGTH).trim();
  const inDepartment = (hit: Stored) =>
    !request.department || hit.department === request.department;
  const matched = (query ? index.search(query) : index.search(MiniSearch.wildcard)) as Stored[];
  if (query) exactFirst(index, query, matched);
  // Facet counts are taken before the facet filters, so each shows what choosing it would give.
  const departments = departmentCounts(matched);
  const base = matched.filter(inDepartment);
  const brands = new Map<string, number>();
  const priceBands = bands.map((band) => ({ ...band, count: 0 }));
  const chosenBand = request.priceBand ? bandFromId(request.priceBand) : undefined;
  let inStockHere = 0;
  const hits: SearchHit[] = [];
  for (const hit of base) {
    // A product without a brand ('') is not a brand to filter by.
    if (hit.brand) brands.set(hit.brand, (brands.get(hit.brand) ?? 0) + 1);
    const paid = nowCents(hit, now);
    const band = priceBands.find((each) => inBand(paid, each));
    if (band) band.count++;
    if (hit.inStockHere) inStockHere++;
    if (request.brand && hit.brand !== request.brand) continue;
    if (chosenBand && !inBand(paid, chosenBand)) continue;
    if (request.inStockHere && !hit.inStockHere) continue;
    hits.push({
      id: hit.id as string,
      nameFr: hit.nameFr,
      nameEn: hit.nameEn,
      priceCents: hit.priceCents,
      brand: hit.brand,
      inStockHere: hit.inStockHere,
      ...(hit.image ? { image: hit.image } : {}),
      ...(hit.sizeRange ? { sizeRange: hit.sizeRange } : {}),
      ...(hit.colours ? { colours: hit.colours } : {}),
      ...(hit.pricing ? { pricing: hit.pricing } : {}),
    });
  }
  return {
    total: hits.length,
    hits: hits.slice(0, request.limit ?? 48),
    facets: {
      brands: [...brands]
        .map(([brand, count]) => ({ brand, count }))
        .sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand))
        .slice(0, 12),
      departments,
      priceBands,
      inStockHere,
    },
  };
}

/** Each department among the hits with its label and count, the most common first. */
function departmentCounts(matched: readonly Stored[]): SearchResponse['facets']['departments'] {
  const counts = new Map<
    string,
    { department: string; label: Stored['departmentLabel']; count: number }
  >();
  for (const hit of matched) {
    const entry = counts.get(hit.department);
    if (entry) entry.count++;
    else
      counts.set(hit.department, {
        department: hit.department,
        label: hit.departmentLabel,
        count: 1,
      });
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.department.localeCompare(b.department),
  );
}

/**
 * Products that match the words as typed (or as their start) before those that
 * match only with a typo: "wine" shows the wines before the rarer "wide-leg"
 * jeans, which would otherwise rank first (a rare word weighs more). Sorts in place, stably.
 */
function exactFirst(index: MiniSearch<SearchDoc>, query: string, matched: Stored[]): void {
  // Words under four letters are never matched with a typo: nothing to put first.
  if (!query.split(/\s+/).some((word) => word.length >= MIN_FUZZY_LENGTH)) return;
  const exact = new Set(index.search(query, { fuzzy: false }).map((hit) => String(hit.id)));
  if (exact.size === 0 || exact.size === matched.length) return;
  const rank = (hit: Stored) => (exact.has(String(hit.id)) ? 0 : 1);
  matched.sort((a, b) => rank(a) - rank(b));
}
