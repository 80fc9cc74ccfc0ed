// What a search asks and answers; no MiniSearch here, so pages can import it cheaply.
import type { Localized, Priced } from '../../core';

export type SearchDoc = {
  id: string;
  nameFr: string;
  nameEn: string;
  brand: string;
  /** The product's department (a slug) and its label: the root of its shelves. */
  department: string;
  departmentLabel: Localized;
  /** The labels of the product's shelves, French and English (Product.categoryPath). */
  shelves: string;
  tags: string;
  priceCents: number;
  inStockHere: boolean;
  /** The product's first picture (a result tile shows it). */
  image?: string;
  /** First to last size ("S–XL"), and the colours: what tells same-named products apart (its variants'). */
  sizeRange?: string;
  colours?: string[];
  /** Its sale and its variants' own prices and sales, when it has any: a tile
   * prices the hit with priceNow as the product page does ("from X", a sale). */
  pricing?: Pick<Priced, 'sale' | 'variants'>;
};

/** Prices from `min` to under `max` (none: no upper limit), in the store currency's minor units. */
export type PriceBand = { id: string; min: number; max?: number };

export type SearchRequest = {
  query: string;
  department?: string;
  brand?: string;
  /** A band's id, as the answer's facets give it. */
  priceBand?: string;
  inStockHere?: boolean;
  limit?: number;
};
/** A hit carries what a result tile shows, so the page need not read the product. */
export type SearchHit = Pick<
  SearchDoc,
  | 'id'
  | 'nameFr'
  | 'nameEn'
  | 'priceCents'
  | 'brand'
  | 'inStockHere'
  | 'image'
  | 'sizeRange'
  | 'colours'
  | 'pricing'
>;
export type SearchResponse = {
  total: number;
  hits: SearchHit[];
  facets: {
    brands: { brand: string; count: number }[];
    /** The departments the query finds, before the department is chosen (a chip each). */
    departments: { department: string; label: Localized; count: number }[];
    /** The catalogue's bands (price-bands.ts), each with the hits it would keep. */
    priceBands: (PriceBand & { count: number })[];
    inStockHere: number;
  };
};
