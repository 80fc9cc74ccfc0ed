// Key rotation's two steps, without the link request that will drive them (req.rotate): add a
// second key (both open the link), then retire the old one. A store never holds more than two
// live keys, nor fewer than one while it is active.
import type { Pool } from 'pg';
import { HttpError } from '@vitrine/shared/node';
import { inTransaction } from '../db/transaction';
import { getStore } from './store-directory';
import { assertUserPublicKey } from './nats-users';

const MAX_LIVE_KEYS = 2;

async function liveKeys(db: Pick<Pool, 'query'>, storeId: string): Promise<string[]> {
  const result = await db.query<{ public_key: string }>(
    `SELECT public_key FROM store_keys WHERE store_id = $1 AND retired_at IS NULL FOR UPDATE`,
    [storeId],
  );
  return result.rows.map((row) => row.public_key);
}

/** Adds `publicKey` as a second live key of an active store; answers how many are live. */
export async function addStoreKey(pool: Pool, storeId: string, publicKey: string) {
  assertUserPublicKey(publicKey, `store ${storeId}`);
  return inTransaction(pool, async (db) => {
    const store = await getStore(db, storeId);
    if (store.status !== 'active')
      throw new HttpError(409, 'store_revoked', `store ${storeId} is revoked: enrol it again`);
    await db.query('SELECT 1 FROM stores WHERE id = $1 FOR UPDATE', [storeId]);
    const live = await liveKeys(db, storeId);
    if (live.includes(publicKey)) return live.length;
    if (live.length >= MAX_LIVE_KEYS)
      throw new HttpError(
        409,
        'too_many_keys',
        `store ${storeId} holds ${live.length} live keys already`,
      );
    const taken = await db.query('SELECT 1 FROM store_keys WHERE public_key = $1', [publicKey]);
    if (taken.rowCount)
      throw new HttpError(409, 'key_in_use', 'this public key was registered before');
    await db.query('INSERT INTO store_keys (public_key, store_id) VALUES ($1, $2)', [
      publicKey,
      storeId,
    ]);
    return live.length + 1;
  });
}

/** Retires every live key of the store but `keep`; answers the keys it retired. */
export async function keepOnlyStoreKey(pool: Pool, storeId: string, keep: string) {
  return inTransaction(pool, async (db) => {
    await db.query('SELECT 1 FROM stores WHERE id = $1 FOR UPDATE', [storeId]);
    const live = await liveKeys(db, storeId);
    if (!live.includes(keep))
      throw new HttpError(409, 'key_not_live', `${keep} is not a live key of store ${storeId}`);
    const retired = await db.query<{ public_key: string }>(
      `UPDATE store_keys SET retired_at = now()
        WHERE store_id = $1 AND retired_at IS NULL AND public_key <> $2 RETURNING public_key`,
      [storeId, keep],
    );
    return retired.rows.map((row) => row.public_key);
  });
}
