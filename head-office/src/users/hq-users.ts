// Head office's users and sessions in PostgreSQL: passwords with scrypt (shared/node), session
// tokens random (256 bits) and kept as their SHA-256, 12 hours each.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HqRole, type HqSession, type HqUser, type HqUserInput } from '@vitrine/shared/core';
import { hashPassword, HttpError, verifyPasswordOrDummy } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';

const SESSION_HOURS = 12;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = { id: string; name: string; roles: unknown; disabled: boolean };
const toUser = (row: Row): HqUser => ({
  id: row.id,
  name: row.name,
  roles: z.array(HqRole).parse(row.roles),
  disabled: row.disabled,
});

export async function listUsers(pool: Pool): Promise<HqUser[]> {
  const result = await pool.query<Row>(
    'SELECT id, name, roles, disabled FROM hq_users ORDER BY id',
  );
  return result.rows.map(toUser);
}

/** Creates or changes a user; a new one needs a password. */
export function putUser(pool: Pool, id: string, input: HqUserInput): Promise<HqUser> {
  return inTransaction(pool, async (client) => {
    const held = await client.query('SELECT 1 FROM hq_users WHERE id = $1 FOR UPDATE', [id]);
    const roles = JSON.stringify([...new Set(input.roles)].sort());
    if (held.rowCount === 0) {
      if (input.password === undefined)
        throw new HttpError(400, 'password_required', `a new user (${id}) needs a password`);
      const created = await client.query<Row>(
        `INSERT INTO hq_users (id, name, roles, password_hash) VALUES ($1, $2, $3, $4)
         RETURNING id, name, roles, disabled`,
        [id, input.name, roles, hashPassword(input.password)],
      );
      return toUser(created.rows[0]!);
    }
    const changed = await client.query<Row>(
      `UPDATE hq_users SET name = $2, roles = $3, disabled = false,
         password_hash = COALESCE($4, password_hash)
       WHERE id = $1 RETURNING id, name, roles, disabled`,
      [id, input.name, roles, input.password === undefined ? null : hashPassword(input.password)],
    );
    // A new password or fewer roles: whoever was signed in as this user signs in again.
    await client.query('DELETE FROM hq_sessions WHERE user_id = $1', [id]);
    return toUser(changed.rows[0]!);
  });
}

export function disableUser(pool: Pool, id: string): Promise<HqUser> {
  return inTransaction(pool, async (client) => {
    const result = await client.query<Row>(
      'UPDATE hq_users SET disabled = true WHERE id = $1 RETURNING id, name, roles, disabled',
      [id],
    );
    const row = result.rows[0];
    if (!row) throw new HttpError(404, 'not_found', `no user ${id}`);
    await client.query('DELETE FROM hq_sessions WHERE user_id = $1', [id]);
    return toUser(row);
  });
}

/** A session for the user if the password is theirs; an unknown id costs as long as a wrong one. */
export async function signIn(
  pool: Pool,
  userId: string,
  password: string,
): Promise<HqSession | undefined> {
  const result = await pool.query<Row & { password_hash: string }>(
    'SELECT id, name, roles, disabled, password_hash FROM hq_users WHERE id = $1 AND NOT disabled',
    [userId],
  );
  const row = result.rows[0];
  if (!verifyPasswordOrDummy(password, row?.password_hash) || !row) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expires = await pool.query<{ expires_at: Date }>(
    `INSERT INTO hq_sessions (token_hash, user_id, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
    [tokenHash(token), row.id, SESSION_HOURS],
  );
  // Now and then, sessions long expired go.
  if (Math.random() < 0.05) await pool.query('DELETE FROM hq_sessions WHERE expires_at < now()');
  return { token, user: toUser(row), expiresAt: expires.rows[0]!.expires_at.toISOString() };
}

/** The live user a session token opens, if any. */
export async function userForToken(pool: Pool, token: string): Promise<HqUser | undefined> {
  const result = await pool.query<Row>(
    `SELECT u.id, u.name, u.roles, u.disabled FROM hq_sessions s JOIN hq_users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash(token)],
  );
  const row = result.rows[0];
  return row ? toUser(row) : undefined;
}

export async function signOut(pool: Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM hq_sessions WHERE token_hash = $1', [tokenHash(token)]);
}
