export * from './search-types';
export * from './fold-text';
export * from './search-client';
export type { IndexStatus } from './search-protocol';
export { priceBandsOf } from './price-bands';
