// From a staged feed to the chain documents that change (16-plan §3.4): the same pure builders
// as the store's import (core/feed productDocOf), without any store's price, each compared by
// its text with what head office holds so a feed sent twice changes nothing. A full products
// feed withdraws what it lacks. Images keep the feed's own URLs: each store's image cache is
// the store's business.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import {
  reported,
  reportMessage,
  type FeedLanguage,
  type ImportMode,
  type Location,
  type StoreLine,
} from '@vitrine/shared/core';
import type { Staging } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { productDocOf } from '@vitrine/shared/core';

const GROUPS_PER_STEP = 500;

// 'faq': written one entry at a time at head office (assistant/faq-store.ts), never by a feed.
type ChainCollection = 'products' | 'locations' | 'faq';

/** A document to write (`body`: its JSON text) or to withdraw (`body` null). */
export type ChainDocChange = { c: ChainCollection; id: string; body: string | null };

export type BuildPlan = {
  mode: ImportMode;
  language: FeedLanguage;
  files: { products?: string; inventory?: string; stores?: string };
};

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** What head office holds now, as the MD5 of each document's text (PostgreSQL's md5 of it). */
async function storedHashes(pool: Pool): Promise<Map<string, string>> {
  const result = await pool.query<{ collection: string; id: string; hash: string }>(
    `SELECT collection, id, md5(body) AS hash FROM catalogue_docs
      WHERE collection IN ('products', 'locations')`,
  );
  return new Map(result.rows.map((row) => [`${row.collection}\t${row.id}`, row.hash]));
}

async function storedLocations(pool: Pool): Promise<Map<string, Location>> {
  const result = await pool.query<{ id: string; body: string }>(
    `SELECT id, body FROM catalogue_docs WHERE collection = 'locations'`,
  );
  return new Map(result.rows.map((row) => [row.id, JSON.parse(row.body) as Location]));
}

/** A store of the stores file as a location; what its line leaves out stays as stored. */
function locationOf(line: StoreLine, stored: Location | undefined): Location {
  const { storeCode, ...given } = line;
  delete (given as Partial<StoreLine>).line;
  return {
    ...stored,
    id: storeCode,
    name: given.name ?? stored?.name ?? storeCode,
    city: given.city ?? stored?.city ?? '',
    kind: stored?.kind ?? 'store',
    ...given,
  };
}

export async function buildChainDocs(
  pool: Pool,
  staging: Staging,
  plan: BuildPlan,
): Promise<ChainDocChange[]> {
  const hashes = await storedHashes(pool);
  const changes: ChainDocChange[] = [];
  const keep = (c: ChainCollection, id: string, body: string | null) => {
    const stored = hashes.get(`${c}\t${id}`);
    if (body === null ? stored === undefined : stored === md5(body)) return;
    changes.push({ c, id, body });
  };

  const locations = await storedLocations(pool);
  const named = new Set<string>();
  for (const line of staging.stores()) {
    named.add(line.storeCode);
    keep(
      'locations',
      line.storeCode,
      JSON.stringify(locationOf(line, locations.get(line.storeCode))),
    );
  }
  // Stores an inventory names that are no location yet become one, named by their code.
  if (plan.files.inventory)
    for (const code of staging.inventoryStores()) {
      if (named.has(code) || locations.has(code)) continue;
      const location: Location = { id: code, name: code, city: '', kind: 'store' };
      keep('locations', code, JSON.stringify(location));
      staging.addEntries([
        {
          file: plan.files.inventory,
          line: 0,
          field: 'store_code',
          ...reported(reportMessage('store_unknown', { code })),
          action: 'warning',
        },
      ]);
    }

  const file = plan.files.products;
  if (!file) return changes;
  const claimedGtins = new Map<string, string>();
  let after = '';
  for (;;) {
    const groups = staging.groupsAfter(after, GROUPS_PER_STEP);
    if (groups.length === 0) break;
    for (const { groupId, lines } of groups) {
      const ids = [groupId, ...lines.map((line) => line.id)];
      const { product, entries } = productDocOf(groupId, lines, staging.foodFor(ids), {
        file,
        language: plan.language,
        imageSrc: (url) => ({ src: url }),
        gtinOwner: (gtin) => claimedGtins.get(gtin),
        productOfItem: (feedId) => staging.groupOf(feedId),
      });
      staging.addEntries(entries);
      if (!product) continue;
      for (const variant of product.variants)
        if (variant.gtin !== undefined) claimedGtins.set(variant.gtin, groupId);
      keep('products', groupId, JSON.stringify(product));
    }
    after = groups.at(-1)!.groupId;
    await yieldToEvents();
  }
  if (plan.mode === 'full')
    for (const key of hashes.keys()) {
      const [c, id] = key.split('\t') as [ChainCollection, string];
      if (c === 'products' && !staging.hasGroup(id)) keep('products', id, null);
    }
  return changes;
}
