// What a search asks and answers; no MiniSearch here, so pages can import it cheaply.
import type { Product } from '../../core';

export type SearchDoc = {
  id: string;
  nameFr: string;
  nameEn: string;
  brand: string;
  category: Product['category'];
  subcategory: string;
  /** The labels of the product's shelves, French and English (Product.categoryPath). */
  shelves: string;
  tags: string;
  priceCents: number;
  inStockHere: boolean;
  /** The product's first picture (a result tile shows it). */
  image?: string;
  /** First to last size ("S–XL"), and the colours: what tells same-named products apart. */
  sizeRange?: string;
  colours?: string[];
};

export const PRICE_BANDS = [
  { id: 'under-10', min: 0, max: 1_000 },
  { id: '10-50', min: 1_000, max: 5_000 },
  { id: '50-200', min: 5_000, max: 20_000 },
  { id: 'over-200', min: 20_000, max: Number.POSITIVE_INFINITY },
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number]['id'];

export type SearchRequest = {
  query: string;
  category?: Product['category'];
  brand?: string;
  priceBand?: PriceBand;
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
>;
export type SearchResponse = {
  total: number;
  hits: SearchHit[];
  facets: {
    brands: { brand: string; count: number }[];
    priceBands: Record<PriceBand, number>;
    inStockHere: number;
  };
};
