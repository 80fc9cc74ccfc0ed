// The chain's stores in PostgreSQL: create, read, list by keyset, change neighbours, revoke.
// Each change that reaches the link (neighbours, keys, status) is followed by the caller
// asking the users file to be rendered again (nats-config.ts).
import type { Pool, PoolClient } from 'pg';
import { HQ_STORES_PAGE, type HqStore } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import { inTransaction } from '../db/transaction';

export type NewStore = {
  id: string;
  name: string;
  region?: { id: string; name: string } | undefined;
  timeZone: string;
  currency: string;
  neighbours: readonly string[];
};

type StoreRow = {
  id: string;
  name: string;
  region_id: string | null;
  region_name: string | null;
  time_zone: string;
  currency: string;
  status: 'active' | 'revoked';
  neighbours: string[];
  live_keys: number;
  created_at: Date;
  last_seen_at: Date | null;
};

const SELECT_STORES = `
  SELECT s.id, s.name, s.region_id, r.name AS region_name, s.time_zone, s.currency, s.status,
         s.created_at, s.last_seen_at,
         coalesce((SELECT array_agg(n.neighbour_id ORDER BY n.rank) FROM store_neighbours n
                    WHERE n.store_id = s.id), '{}') AS neighbours,
         (SELECT count(*)::int FROM store_keys k
           WHERE k.store_id = s.id AND k.retired_at IS NULL) AS live_keys
    FROM stores s LEFT JOIN regions r ON r.id = s.region_id`;

function toStore(row: StoreRow): HqStore {
  return {
    id: row.id,
    name: row.name,
    region: row.region_id ? { id: row.region_id, name: row.region_name ?? '' } : null,
    timeZone: row.time_zone,
    currency: row.currency,
    status: row.status,
    neighbours: row.neighbours,
    liveKeys: row.live_keys,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
  };
}

async function findStore(db: Pool | PoolClient, id: string): Promise<HqStore | null> {
  const result = await db.query<StoreRow>(`${SELECT_STORES} WHERE s.id = $1`, [id]);
  return result.rows[0] ? toStore(result.rows[0]) : null;
}

export async function getStore(db: Pool | PoolClient, id: string): Promise<HqStore> {
  const store = await findStore(db, id);
  if (!store) throw new HttpError(404, 'store_not_found', `no store ${id} at head office`);
  return store;
}

export type StoreFilter = { after?: string; region?: string; status?: HqStore['status'] };

export async function listStores(pool: Pool, filter: StoreFilter = {}) {
  const result = await pool.query<StoreRow>(
    `${SELECT_STORES}
      WHERE ($1::text IS NULL OR s.id > $1) AND ($2::text IS NULL OR s.region_id = $2)
        AND ($3::text IS NULL OR s.status = $3)
      ORDER BY s.id LIMIT $4`,
    [filter.after ?? null, filter.region ?? null, filter.status ?? null, HQ_STORES_PAGE],
  );
  const stores = result.rows.map(toStore);
  const last = stores.at(-1);
  return { stores, next: stores.length === HQ_STORES_PAGE && last ? last.id : null };
}

async function replaceNeighbours(db: PoolClient, storeId: string, neighbours: readonly string[]) {
  if (neighbours.includes(storeId))
    throw new HttpError(422, 'invalid_neighbours', `store ${storeId} cannot be its own neighbour`);
  const known = await db.query<{ id: string }>('SELECT id FROM stores WHERE id = ANY($1)', [
    neighbours,
  ]);
  const unknown = neighbours.filter((id) => !known.rows.some((row) => row.id === id));
  if (unknown.length > 0)
    throw new HttpError(422, 'unknown_neighbours', `no such stores: ${unknown.join(', ')}`);
  await db.query('DELETE FROM store_neighbours WHERE store_id = $1', [storeId]);
  await db.query(
    `INSERT INTO store_neighbours (store_id, neighbour_id, rank)
     SELECT $1, id, ord FROM unnest($2::text[]) WITH ORDINALITY AS t(id, ord)`,
    [storeId, neighbours],
  );
}

export async function createStore(pool: Pool, store: NewStore): Promise<HqStore> {
  return inTransaction(pool, async (db) => {
    if (store.region)
      await db.query(
        `INSERT INTO regions (id, name) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
        [store.region.id, store.region.name],
      );
    const inserted = await db.query(
      `INSERT INTO stores (id, name, region_id, time_zone, currency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [store.id, store.name, store.region?.id ?? null, store.timeZone, store.currency],
    );
    if (inserted.rowCount === 0)
      throw new HttpError(409, 'store_exists', `store ${store.id} exists already`);
    await replaceNeighbours(db, store.id, store.neighbours);
    return getStore(db, store.id);
  });
}

export async function setNeighbours(pool: Pool, storeId: string, neighbours: readonly string[]) {
  return inTransaction(pool, async (db) => {
    await getStore(db, storeId);
    // NO KEY UPDATE: two stores naming each other at once take KEY SHARE on each other's row
    // (the foreign key); FOR UPDATE would deadlock with it, this only orders same-store changes.
    await db.query('SELECT 1 FROM stores WHERE id = $1 FOR NO KEY UPDATE', [storeId]);
    await replaceNeighbours(db, storeId, neighbours);
    return getStore(db, storeId);
  });
}

/** Changes a store's name, time zone or currency (what is not given stays). */
export async function updateStore(
  pool: Pool,
  storeId: string,
  change: { name?: string; timeZone?: string; currency?: string },
) {
  return inTransaction(pool, async (db) => {
    await getStore(db, storeId);
    await db.query(
      `UPDATE stores SET name = COALESCE($2, name), time_zone = COALESCE($3, time_zone),
         currency = COALESCE($4, currency) WHERE id = $1`,
      [storeId, change.name ?? null, change.timeZone ?? null, change.currency ?? null],
    );
    return getStore(db, storeId);
  });
}

/** Revokes a store: every live key retired, status revoked. Answers the keys it retired. */
export async function revokeStore(pool: Pool, storeId: string) {
  return inTransaction(pool, async (db) => {
    await getStore(db, storeId);
    await db.query(`UPDATE stores SET status = 'revoked' WHERE id = $1`, [storeId]);
    const retired = await db.query<{ public_key: string }>(
      `UPDATE store_keys SET retired_at = now()
        WHERE store_id = $1 AND retired_at IS NULL RETURNING public_key`,
      [storeId],
    );
    // Codes handed out before the revocation must not bring it back.
    await db.query('DELETE FROM enrol_codes WHERE store_id = $1', [storeId]);
    return { store: await getStore(db, storeId), keys: retired.rows.map((row) => row.public_key) };
  });
}

export async function storeKeys(pool: Pool, storeId: string) {
  await getStore(pool, storeId);
  const result = await pool.query<{
    public_key: string;
    created_at: Date;
    retired_at: Date | null;
  }>(
    `SELECT public_key, created_at, retired_at FROM store_keys WHERE store_id = $1
      ORDER BY created_at DESC, public_key`,
    [storeId],
  );
  return result.rows.map((row) => ({
    publicKey: row.public_key,
    createdAt: row.created_at.toISOString(),
    retiredAt: row.retired_at?.toISOString() ?? null,
  }));
}
