// Staff, experts and head-office users with their roles, and their sessions.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { StaffRole, matchesName, type StaffUser } from '@vitrine/shared/core';
import { hashPassword, verifyPasswordOrDummy } from '@vitrine/shared/node';
import type { Db } from '../db/database';

export { StaffRole, type StaffUser };

export const SESSION_HOURS = 12;

/** How a session token is stored (hex SHA-256): a copied database opens no session. */
export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const hashToken = sessionTokenHash;

type UserRow = { id: string; name: string; roles: string; password_hash: string; disabled: number };

const toUser = (row: UserRow): StaffUser => ({
  id: row.id,
  name: row.name,
  roles: z.array(StaffRole).parse(JSON.parse(row.roles)),
});

export class StaffStore {
  private readonly signOutListeners = new Set<(tokenHash: string) => void>();

  constructor(private readonly db: Db) {}

  /** Told the token hash of each session that signs out (experts drop its broker link). */
  onSignOut(listener: (tokenHash: string) => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }

  /** Creates or replaces a user (demo seed, admin API). */
  upsertUser(user: StaffUser, password: string): StaffUser {
    this.db
      .prepare(
        `INSERT INTO staff_users (id, name, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, roles = excluded.roles,
           password_hash = excluded.password_hash, disabled = 0`,
      )
      .run(
        user.id,
        user.name,
        JSON.stringify(user.roles),
        hashPassword(password),
        new Date().toISOString(),
      );
    return user;
  }

  getUser(id: string): StaffUser | undefined {
    const row = this.db
      .prepare('SELECT * FROM staff_users WHERE id = ? AND disabled = 0')
      .get(id) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /**
   * The id of the one active user whose name has every word of `name`, in any
   * order ("Mercier Julie" → expert-julie-mercier); undefined when none or
   * several match, so a name never signs in the wrong person.
   */
  idForName(name: string): string | undefined {
    const rows = this.db.prepare('SELECT id, name FROM staff_users WHERE disabled = 0').all() as {
      id: string;
      name: string;
    }[];
    const matching = rows.filter((row) => matchesName(name, row.name));
    return matching.length === 1 ? matching[0]?.id : undefined;
  }

  /** A new session token for the right password, or undefined. */
  signIn(
    id: string,
    password: string,
    now = new Date(),
  ): { token: string; user: StaffUser; expiresAt: string } | undefined {
    const row = this.db
      .prepare('SELECT * FROM staff_users WHERE id = ? AND disabled = 0')
      .get(id) as UserRow | undefined;
    if (!verifyPasswordOrDummy(password, row?.password_hash) || !row) return undefined;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    this.db
      .prepare(
        'INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(hashToken(token), row.id, now.toISOString(), expiresAt);
    return { token, user: toUser(row), expiresAt };
  }

  /** The user behind a live session token. */
  userForToken(token: string, now = new Date()): StaffUser | undefined {
    const row = this.db
      .prepare(
        `SELECT u.* FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
      )
      .get(hashToken(token), now.toISOString()) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  signOut(token: string): void {
    const tokenHash = hashToken(token);
    this.db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
    for (const listener of this.signOutListeners) listener(tokenHash);
  }
}
