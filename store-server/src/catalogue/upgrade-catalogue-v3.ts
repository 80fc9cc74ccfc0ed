// Migration 105: every product rewritten in the v3 shape (core/upgrade-v2.ts:
// a department and a category path, attributes, optional food facts, no
// currency) with a new revision, so devices pull them again. Scan codes do
// not change, so gtin_index stays; the staff search (103) follows through its
// triggers. Stock records keep their shape but are written again after the
// products, so a device pulling in revision order still gets a product
// before its stock (as after 104).
import { upgradeProductV2 } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { rewriteDocs, startRevisions } from './rewrite-docs';

export function upgradeCatalogueToV3(db: Db): void {
  const revisions = startRevisions(db);
  rewriteDocs(db, revisions, 'products', (_id, body) => upgradeProductV2(body));
  rewriteDocs(db, revisions, 'stock', (_id, body) => body);
}
