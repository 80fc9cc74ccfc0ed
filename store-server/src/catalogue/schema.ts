// The catalogue's migrations: its documents live in sync_docs (core), so
// these rewrite data rather than tables.
import type { Migration } from '../db/migrations';
import { upgradeCatalogueToV2 } from './upgrade-catalogue-v2';
import { upgradeCatalogueToV3 } from './upgrade-catalogue-v3';

export const catalogueMigrations: Migration[] = [
  {
    /* variants get ids, GTINs become optional, stock is keyed by variant id */
    id: '104-catalogue-v2',
    sql: '',
    up: upgradeCatalogueToV2,
  },
  {
    /* a free taxonomy (department + path), attributes, optional food facts, no currency per product */
    id: '105-catalogue-v3',
    sql: '',
    up: upgradeCatalogueToV3,
  },
];
