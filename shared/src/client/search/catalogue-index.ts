// Full-text search over the local catalogue: French and English names, brand,
// the product's shelves (category path) in both languages and tags; accent- and
// case-insensitive, singular = plural, prefix and typo-tolerant; facets on
// price, brand and "in stock here".
//
// Our own inverted index, not MiniSearch's: MiniSearch builds a result object
// (score, terms, match, stored fields) for every hit, ~8 µs each, so a common
// word at 100k products ("chemise", 8,800 hits; "vin rouge") took 100–450 ms a
// key. Here a term's postings are one array of numbers (document slot and field
// weight) and a search adds scores into typed arrays: the cost is the postings
// read, not objects made. MiniSearch's radix tree (SearchableMap) still finds the
// terms for a prefix or a typo.
import SearchableMap from 'minisearch/SearchableMap';
import { priceNow, type Localized, type Product, type ProductStock } from '../../core';
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
const MAX_QUERY_WORDS = 8;
const MIN_FUZZY_LENGTH = 4;
const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'the', 'and', 'of']);
const WORDS = /[\n\r\p{Z}\p{P}]+/u;
/** A word found as the start of a longer term, or within a typo or two, weighs less (MiniSearch's weights). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Field weights, doubled so a posting keeps them as a small integer (name 2, brand and shelves 1.5, tags 1). */
const FIELDS = [
  ['nameFr', 4],
  ['nameEn', 4],
  ['brand', 3],
  ['shelves', 3],
  ['tags', 2],
] as const;
/** A posting is slot × 16 + the doubled weight of the term in that document (at most 15). */
const WEIGHT_BITS = 16;
/** A product's words (names, brand, shelves, tags) are about this many; more weigh each less. */
const TYPICAL_LENGTH = 16;
const LENGTH_NORM = 0.5;
/** Added to the rank of a document found without a typo: above any score. */
const CLEAN_RANK = 1e9;

/** What a hit needs after the search: the doc without its indexed-only text. */
type Stored = Omit<SearchDoc, 'shelves' | 'tags'>;

/** The one form of a word, indexed or typed; null for a word not worth looking for. */
function termOf(word: string): string | null {
  const folded = foldText(word);
  return folded.length === 0 || STOP_WORDS.has(folded) ? null : foldPlural(folded);
}

export class CatalogueIndex {
  /** Term → term number. */
  private readonly dictionary = new SearchableMap<number>();
  /** Per term number: its postings, by slot (a document added later gets a later slot). */
  private readonly postings: number[][] = [];
  /** Per slot: the document, or undefined once discarded or replaced. */
  private readonly slots: (Stored | undefined)[] = [];
  /** Per slot: the term numbers of its document, to take them out again. */
  private readonly slotTerms: (Int32Array | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Per slot, for the facets: its department's and brand's numbers (-1: no brand). */
  private readonly slotDepartment: number[] = [];
  private readonly slotBrand: number[] = [];
  /** Per slot: how much a match in it counts, less in a long text (BM25's length norm). */
  private readonly slotNorm: number[] = [];
  private readonly departments = new Interned<{ department: string; label: Localized }>();
  private readonly brands = new Interned<string>();

  get documentCount(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  addAll(docs: readonly SearchDoc[]): void {
    for (const doc of docs) this.add(doc);
  }

  /** Adds a document, or replaces the one with its id. */
  add(doc: SearchDoc): void {
    this.discard(doc.id);
    const slot = this.slots.length;
    const weights = new Map<number, number>();
    let length = 0;
    for (const [field, weight] of FIELDS)
      for (const word of doc[field].split(WORDS)) {
        const term = termOf(word);
        if (term === null) continue;
        length++;
        let id = this.dictionary.get(term);
        if (id === undefined) {
          id = this.postings.length;
          this.postings.push([]);
          this.dictionary.set(term, id);
        }
        weights.set(id, Math.min(WEIGHT_BITS - 1, (weights.get(id) ?? 0) + weight));
      }
    for (const [id, weight] of weights) this.postings[id]!.push(slot * WEIGHT_BITS + weight);
    this.slots.push(storedOf(doc));
    this.slotTerms.push(Int32Array.from(weights.keys()));
    this.slotOf.set(doc.id, slot);
    this.slotDepartment.push(
      this.departments.numberOf(doc.department, () => ({
        department: doc.department,
        label: doc.departmentLabel,
      })),
    );
    this.slotBrand.push(doc.brand ? this.brands.numberOf(doc.brand, () => doc.brand) : -1);
    this.slotNorm.push(1 / (1 - LENGTH_NORM + (LENGTH_NORM * length) / TYPICAL_LENGTH));
  }

  /** The prices of every product, for the price bands. */
  prices(): number[] {
    const prices: number[] = [];
    for (const doc of this.slots) if (doc) prices.push(doc.priceCents);
    return prices;
  }

  /** The distinct first two letters of the indexed terms: the costliest prefixes to search. */
  twoLetterPrefixes(): Set<string> {
    const prefixes = new Set<string>();
    for (const term of this.dictionary.keys()) if (term.length >= 2) prefixes.add(term.slice(0, 2));
    return prefixes;
  }

  /** Takes a document out (a no-op for an id not indexed). */
  discard(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const term of this.slotTerms[slot] ?? []) {
      const list = this.postings[term]!;
      const at = firstAtOrAfter(list, slot * WEIGHT_BITS);
      if (at < list.length && Math.floor(list[at]! / WEIGHT_BITS) === slot) list.splice(at, 1);
    }
    this.slots[slot] = undefined;
    this.slotTerms[slot] = undefined;
    this.slotOf.delete(id);
  }

  /** `bands`: the whole catalogue's (priceBandsOf), the same for every query. */
  search(request: SearchRequest, bands: readonly PriceBand[], now: Date): SearchResponse {
    const query = request.query.slice(0, MAX_QUERY_LENGTH).trim();
    const found = query ? this.match(query) : undefined;
    const departmentCount = new Int32Array(this.departments.size);
    const brandCount = new Int32Array(this.brands.size);
    const bandCount = new Int32Array(bands.length);
    const wanted = request.department ? this.departments.find(request.department) : undefined;
    const chosenBand = request.priceBand ? bandFromId(request.priceBand) : undefined;
    let inStockHere = 0;
    const kept: number[] = [];
    const visit = (slot: number) => {
      const doc = this.slots[slot];
      if (!doc) return;
      const department = this.slotDepartment[slot]!;
      // Facet counts are taken before the facet filters, so each shows what choosing it would give.
      departmentCount[department]!++;
      if (request.department && department !== wanted) return;
      const brand = this.slotBrand[slot]!;
      // A product without a brand ('') is not a brand to filter by.
      if (brand >= 0) brandCount[brand]!++;
      const paid = doc.pricing ? nowCents(doc, now) : doc.priceCents;
      for (let band = 0; band < bands.length; band++)
        if (inBand(paid, bands[band]!)) {
          bandCount[band]!++;
          break;
        }
      if (doc.inStockHere) inStockHere++;
      if (request.brand && doc.brand !== request.brand) return;
      if (chosenBand && !inBand(paid, chosenBand)) return;
      if (request.inStockHere && !doc.inStockHere) return;
      kept.push(slot);
    };
    if (found) for (const slot of found.slots) visit(slot);
    else for (let slot = 0; slot < this.slots.length; slot++) visit(slot);
    const limit = request.limit ?? 48;
    const shown = found ? best(kept, found.rank, limit) : kept.slice(0, limit);
    return {
      total: kept.length,
      hits: shown.map((slot) => hitOf(this.slots[slot]!)),
      facets: {
        brands: [...brandCount]
          .map((count, brand) => ({ brand: this.brands.at(brand), count }))
          .filter(({ count }) => count > 0)
          .sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand))
          .slice(0, 12),
        departments: [...departmentCount]
          .map((count, department) => ({ ...this.departments.at(department), count }))
          .filter(({ count }) => count > 0)
          .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department)),
        priceBands: bands.map((band, i) => ({ ...band, count: bandCount[i]! })),
        inStockHere,
      },
    };
  }

  /**
   * The slots of the documents that have every word, unordered, with each
   * slot's rank: those that match each word as typed (or as its start) rank
   * above those that need a typo, then by score.
   */
  match(query: string): { slots: number[]; rank: Float64Array } {
    const words = query
      .split(WORDS)
      .map(termOf)
      .filter((word): word is string => word !== null)
      .slice(0, MAX_QUERY_WORDS);
    const size = this.slots.length;
    const rank = new Float64Array(size);
    if (words.length === 0) return { slots: [], rank };
    const wordsMatched = new Uint8Array(size);
    const typo = new Uint8Array(size);
    const total = this.slotOf.size;
    let slots: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const best = new Float64Array(size);
      const clean = new Uint8Array(size);
      const touched: number[] = [];
      for (const [term, quality, fuzzy] of this.expansions(words[w]!)) {
        const list = this.postings[term]!;
        const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
        for (const posting of list) {
          const slot = Math.floor(posting / WEIGHT_BITS);
          if (wordsMatched[slot] !== w) continue;
          const value = (posting % WEIGHT_BITS) * idf * quality * this.slotNorm[slot]!;
          if (best[slot] === 0) touched.push(slot);
          if (value > best[slot]!) best[slot] = value;
          if (!fuzzy) clean[slot] = 1;
        }
      }
      for (const slot of touched) {
        wordsMatched[slot] = w + 1;
        rank[slot]! += best[slot]!;
        if (!clean[slot]) typo[slot] = 1;
      }
      // The last word's slots are those that matched every word before it too.
      slots = touched;
    }
    for (const slot of slots) if (!typo[slot]) rank[slot]! += CLEAN_RANK;
    return { slots, rank };
  }

  /** The terms a typed word stands for: [term, weight, needs a typo]. */
  private expansions(word: string): [number, number, boolean][] {
    const found = new Map<number, [number, number, boolean]>();
    const exact = this.dictionary.get(word);
    if (exact !== undefined) found.set(exact, [exact, 1, false]);
    // A one-letter prefix matches most of the catalogue: one letter only matches whole words.
    if (word.length >= 2)
      for (const [term, id] of this.dictionary.atPrefix(word))
        if (!found.has(id))
          found.set(id, [
            id,
            (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)),
            false,
          ]);
    // One typo in 4–6 letters, two from 7 on (a swap of two letters, as in
    // "fromgae", is two edits); none in short words (noise).
    if (word.length >= MIN_FUZZY_LENGTH)
      for (const [, [id, distance]] of this.dictionary.fuzzyGet(word, word.length < 7 ? 1 : 2))
        if (!found.has(id))
          found.set(id, [id, (FUZZY_WEIGHT * word.length) / (word.length + distance), true]);
    return [...found.values()];
  }
}

/** The doc without its indexed-only text (shelves and tags are words to find, never shown). */
function storedOf(doc: SearchDoc): Stored {
  const stored: Partial<SearchDoc> = { ...doc };
  delete stored.shelves;
  delete stored.tags;
  return stored as Stored;
}

/** The first position in a sorted list whose value is at least `value`. */
function firstAtOrAfter(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function createCatalogueIndex(): CatalogueIndex {
  return new CatalogueIndex();
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

/** What the shopper pays now, a running sale counted: the price filter goes by it, as the tile does. */
function nowCents(doc: Stored, now: Date): number {
  const { pricing } = doc;
  if (!pricing) return doc.priceCents;
  const priced = { id: doc.id, priceCents: doc.priceCents, ...pricing };
  return priceNow(priced, undefined, [], now).nowCents;
}

/** `bands`: the whole catalogue's (priceBandsOf), the same for every query. */
export function searchCatalogue(
  index: CatalogueIndex,
  request: SearchRequest,
  bands: readonly PriceBand[],
  now = new Date(),
): SearchResponse {
  return index.search(request, bands, now);
}

/** The `limit` best slots, best first (ties in the order added), without sorting them all. */
function best(slots: number[], rank: Float64Array, limit: number): number[] {
  const order = (a: number, b: number) => rank[b]! - rank[a]! || a - b;
  if (slots.length <= limit * 4) return slots.sort(order).slice(0, limit);
  const ranks = Float64Array.from(slots, (slot) => rank[slot]!).sort();
  const cut = ranks[ranks.length - limit]!;
  return slots
    .filter((slot) => rank[slot]! >= cut)
    .sort(order)
    .slice(0, limit);
}

/** Strings (or things named by one) numbered in the order first seen. */
class Interned<T> {
  private readonly numbers = new Map<string, number>();
  private readonly values: T[] = [];

  get size(): number {
    return this.values.length;
  }

  numberOf(key: string, value: () => T): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value());
      this.numbers.set(key, number);
    }
    return number;
  }

  find(key: string): number | undefined {
    return this.numbers.get(key);
  }

  at(number: number): T {
    return this.values[number]!;
  }
}

function hitOf(doc: Stored): SearchHit {
  return {
    id: doc.id,
    nameFr: doc.nameFr,
    nameEn: doc.nameEn,
    priceCents: doc.priceCents,
    brand: doc.brand,
    inStockHere: doc.inStockHere,
    ...(doc.image ? { image: doc.image } : {}),
    ...(doc.sizeRange ? { sizeRange: doc.sizeRange } : {}),
    ...(doc.colours ? { colours: doc.colours } : {}),
    ...(doc.pricing ? { pricing: doc.pricing } : {}),
  };
}
