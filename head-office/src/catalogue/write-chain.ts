// An import's changes written in one PostgreSQL transaction with their link messages (16-plan
// §3.4): the chain's documents and each store's prices, the catalogue delta on the chain's subject
// (chunks of one change: the store applies them together) and each enrolled store's prices on its
// own subject. Either all of it commits, or none of it.
import { chunkByBytes, LINK_CHUNK_BYTES, type LinkDoc, type PriceLine } from '@vitrine/shared/core';
import type { PoolClient } from 'pg';
import { enqueue, type OutboxChange } from '../outbox/enqueue';
import type { ChainDocChange } from './build-chain-docs';
import type { StorePriceChanges } from './chain-prices';

/** Room left in a chunk for the envelope around the documents. */
const DOCS_BUDGET = LINK_CHUNK_BYTES - 1_024;

const linkDocOf = (change: ChainDocChange): LinkDoc =>
  change.body === null
    ? { c: change.c, id: change.id, del: true }
    : { c: change.c, id: change.id, body: JSON.parse(change.body) as unknown };

/** The chain's delta: locations first, then products (screens read a store's name before its stock). */
function catalogueChange(docs: readonly ChainDocChange[]): OutboxChange | undefined {
  if (docs.length === 0) return undefined;
  const ordered = [...docs].sort((a, b) => (a.c === b.c ? 0 : a.c === 'locations' ? -1 : 1));
  const chunks = chunkByBytes(ordered.map(linkDocOf), DOCS_BUDGET);
  return { to: 'chain', messages: chunks.map((chunk) => ({ type: 'catalogue', docs: chunk })) };
}

function priceChanges(lines: ReadonlyMap<string, PriceLine[]>, enrolled: ReadonlySet<string>) {
  const changes: OutboxChange[] = [];
  for (const [storeId, ofStore] of lines) {
    if (!enrolled.has(storeId)) continue; // its first snapshot brings them
    const chunks = chunkByBytes(ofStore, DOCS_BUDGET);
    changes.push({
      to: 'store',
      storeId,
      messages: chunks.map((chunk) => ({ type: 'prices', prices: chunk })),
    });
  }
  return changes;
}

async function writeDocs(client: PoolClient, docs: readonly ChainDocChange[]) {
  const written = docs.filter((doc) => doc.body !== null);
  const withdrawn = docs.filter((doc) => doc.body === null);
  if (written.length > 0)
    await client.query(
      `INSERT INTO catalogue_docs (collection, id, body)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, updated_at = now()`,
      [written.map((doc) => doc.c), written.map((doc) => doc.id), written.map((doc) => doc.body)],
    );
  if (withdrawn.length > 0)
    await client.query(
      `DELETE FROM catalogue_docs d USING unnest($1::text[], $2::text[]) AS w(c, id)
        WHERE d.collection = w.c AND d.id = w.id`,
      [withdrawn.map((doc) => doc.c), withdrawn.map((doc) => doc.id)],
    );
}

async function writePrices(client: PoolClient, prices: StorePriceChanges) {
  const { upserts, deletes } = prices;
  if (upserts.length > 0)
    await client.query(
      `INSERT INTO store_prices (store_id, variant_id, product_id, price_cents, sale)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::jsonb[])
       ON CONFLICT (store_id, variant_id) DO UPDATE SET product_id = excluded.product_id,
         price_cents = excluded.price_cents, sale = excluded.sale, updated_at = now()`,
      [
        upserts.map((row) => row.storeId),
        upserts.map((row) => row.variantId),
        upserts.map((row) => row.productId),
        upserts.map((row) => row.priceCents ?? null),
        upserts.map((row) => (row.sale ? JSON.stringify(row.sale) : null)),
      ],
    );
  if (deletes.length > 0)
    await client.query(
      `DELETE FROM store_prices p USING unnest($1::text[], $2::text[]) AS d(store_id, variant_id)
        WHERE p.store_id = d.store_id AND p.variant_id = d.variant_id`,
      [deletes.map((row) => row.storeId), deletes.map((row) => row.variantId)],
    );
}

/** Writes everything inside `client`'s transaction; answers how many outbox rows it added. */
export async function writeChainImport(
  client: PoolClient,
  docs: readonly ChainDocChange[],
  prices: StorePriceChanges,
): Promise<number> {
  const enrolled = await client.query<{ id: string }>(
    `SELECT id FROM stores WHERE status = 'active'`,
  );
  const changes = [
    catalogueChange(docs),
    ...priceChanges(prices.lines, new Set(enrolled.rows.map((row) => row.id))),
  ].filter((change): change is OutboxChange => change !== undefined);
  // The outbox first: it locks the heads, so a snapshot never sees these documents half written.
  const rows = await enqueue(client, changes);
  await writeDocs(client, docs);
  await writePrices(client, prices);
  return rows.length;
}
