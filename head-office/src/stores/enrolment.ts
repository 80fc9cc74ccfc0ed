// One-time enrolment codes and the keys they let a store register. Head office keeps only a
// code's SHA-256; the code is shown once to whoever sets the store up. A code is for one
// store, used once, and expires.
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { HttpError } from '@vitrine/shared/node';
import { inTransaction } from '../db/transaction';
import { getStore } from './store-directory';
import { assertUserPublicKey } from './nats-users';

const hashCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

export async function createEnrolCode(pool: Pool, storeId: string, ttlMinutes: number) {
  await getStore(pool, storeId);
  // 20 random bytes in hex: 40 characters, pasted once. Not base64url: a code starting with '-'
  // was read by the printed command's parser as another option.
  const code = randomBytes(20).toString('hex');
  const result = await pool.query<{ expires_at: Date }>(
    `INSERT INTO enrol_codes (code_hash, store_id, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
    [hashCode(code), storeId, ttlMinutes],
  );
  return { storeId, code, expiresAt: result.rows[0]!.expires_at.toISOString() };
}

type CodeRow = { store_id: string; expired: boolean; used_at: Date | null };

/**
 * Checks a code for `storeId` without using it: 403 when it is unknown, used already or for
 * another store, 410 when it has expired.
 */
export async function checkEnrolCode(pool: Pool, code: string, storeId: string): Promise<void> {
  const result = await pool.query<CodeRow>(
    `SELECT store_id, expires_at <= now() AS expired, used_at FROM enrol_codes WHERE code_hash = $1`,
    [hashCode(code)],
  );
  const row = result.rows[0];
  if (!row || row.store_id !== storeId)
    throw new HttpError(
      403,
      'enrol_code_invalid',
      `this enrolment code is not valid for store ${storeId}`,
    );
  if (row.used_at)
    throw new HttpError(
      403,
      'enrol_code_used',
      `this enrolment code was used already (${row.used_at.toISOString()}): ask head office for a new one`,
    );
  if (row.expired)
    throw new HttpError(
      410,
      'enrol_code_expired',
      'this enrolment code has expired: ask head office for a new one',
    );
}

/**
 * Uses the code and makes `publicKey` the store's only live key (an enrolment replaces whatever
 * the store held: it is a new installation, or one that lost its seed), and the store active.
 * Answers the keys it retired. Race-safe: of two uses of one code, one wins.
 */
export async function enrolStore(pool: Pool, code: string, storeId: string, publicKey: string) {
  assertUserPublicKey(publicKey, `store ${storeId}`);
  return inTransaction(pool, async (db) => {
    const used = await db.query(
      `UPDATE enrol_codes SET used_at = now()
        WHERE code_hash = $1 AND store_id = $2 AND used_at IS NULL AND expires_at > now()`,
      [hashCode(code), storeId],
    );
    if (used.rowCount === 0) {
      await checkEnrolCode(pool, code, storeId); // says why
      throw new HttpError(403, 'enrol_code_used', 'this enrolment code was used already');
    }
    const taken = await db.query<{ store_id: string }>(
      'SELECT store_id FROM store_keys WHERE public_key = $1',
      [publicKey],
    );
    if (taken.rows[0])
      throw new HttpError(
        409,
        'key_in_use',
        'this public key was registered before: make a new one',
      );
    const retired = await db.query<{ public_key: string }>(
      `UPDATE store_keys SET retired_at = now()
        WHERE store_id = $1 AND retired_at IS NULL RETURNING public_key`,
      [storeId],
    );
    await db.query('INSERT INTO store_keys (public_key, store_id) VALUES ($1, $2)', [
      publicKey,
      storeId,
    ]);
    await db.query(`UPDATE stores SET status = 'active' WHERE id = $1`, [storeId]);
    return { store: await getStore(db, storeId), retired: retired.rows.map((r) => r.public_key) };
  });
}
