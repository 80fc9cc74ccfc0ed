// Expert consoles on the broker: each signed-in session gets its own MQTT user
// (`expert.<sessionId>`, password = its session token), checked against the
// staff sessions table, and a growing presence session number. A session that
// signs out or expires is ended: its broker row goes (Mosquitto's files are
// rewritten) and listeners drop its live connection.
import { assertTopicSegment, topics } from '@vitrine/shared/core';
import type { Principal } from '../broker/acl';
import { mosquittoPasswordHash, type ExpertBrokerAccount } from '../broker/mosquitto-auth';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';
import { sessionTokenHash, type StaffStore, type StaffUser } from '../staff/staff-store';

export const EXPERT_USER_PREFIX = 'expert.';
/** A prefix of the token's SHA-256: names the session without revealing the token. */
const SESSION_ID_LENGTH = 32;

export type ExpertBrokerLogin = {
  username: string;
  clientId: string;
  topic: string;
  session: number;
};

export type EndedSession = { sessionId: string; expertId: string; presenceSession: number };

type Row = {
  session_id: string;
  token_hash: string;
  expert_id: string;
  broker_hash: string;
  presence_session: number;
  expires_at: string;
};

export class ExpertSessions {
  private readonly changeListeners = new Set<() => void>();
  private readonly endListeners = new Set<(ended: EndedSession) => void>();

  constructor(
    private readonly db: Db,
    private readonly staff: StaffStore,
    private readonly storeId: string,
  ) {}

  /** Lets this signed-in expert's session onto the broker, with a new presence session. */
  issue(user: StaffUser, token: string): ExpertBrokerLogin {
    if (!user.roles.includes('expert')) {
      throw new HttpError(403, 'forbidden', 'only an expert session may publish presence');
    }
    try {
      assertTopicSegment(user.id, 'expert id');
    } catch (error) {
      throw new HttpError(409, 'expert_id_unusable', (error as Error).message);
    }
    const tokenHash = sessionTokenHash(token);
    const expiresAt = this.db
      .prepare('SELECT expires_at FROM staff_sessions WHERE token_hash = ?')
      .pluck()
      .get(tokenHash) as string | undefined;
    if (!expiresAt) throw new HttpError(401, 'unauthenticated', 'sign in first');
    const sessionId = tokenHash.slice(0, SESSION_ID_LENGTH);
    const session = this.db.transaction(() => {
      const next = this.lastIssued(user.id) + 1;
      this.db
        .prepare(
          `INSERT INTO expert_presence_counters (expert_id, last_session) VALUES (?, ?)
           ON CONFLICT (expert_id) DO UPDATE SET last_session = excluded.last_session`,
        )
        .run(user.id, next);
      const existing = this.db
        .prepare('SELECT broker_hash FROM expert_broker_sessions WHERE session_id = ?')
        .pluck()
        .get(sessionId) as string | undefined;
      this.db
        .prepare(
          `INSERT INTO expert_broker_sessions
             (session_id, token_hash, expert_id, broker_hash, presence_session, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (session_id) DO UPDATE SET presence_session = excluded.presence_session`,
        )
        .run(
          sessionId,
          tokenHash,
          user.id,
          existing ?? mosquittoPasswordHash(token),
          next,
          expiresAt,
        );
      return { next, isNew: existing === undefined };
    })();
    if (session.isNew) this.changed();
    const username = `${EXPERT_USER_PREFIX}${sessionId}`;
    return {
      username,
      clientId: username,
      topic: topics.expertPresence(this.storeId, user.id),
      session: session.next,
    };
  }

  lastIssued(expertId: string): number {
    return (
      (this.db
        .prepare('SELECT last_session FROM expert_presence_counters WHERE expert_id = ?')
        .pluck()
        .get(expertId) as number | undefined) ?? 0
    );
  }

  /** The broker's check at CONNECT: a live expert session, connecting as itself. */
  authenticate(clientId: string, username: string, password: string): Principal | undefined {
    if (!username.startsWith(EXPERT_USER_PREFIX) || clientId !== username) return undefined;
    const sessionId = username.slice(EXPERT_USER_PREFIX.length);
    if (sessionId.length !== SESSION_ID_LENGTH) return undefined;
    if (!sessionTokenHash(password).startsWith(sessionId)) return undefined;
    const user = this.staff.userForToken(password);
    if (!user?.roles.includes('expert')) return undefined;
    try {
      assertTopicSegment(user.id, 'expert id');
    } catch {
      return undefined;
    }
    return { kind: 'expert', storeId: this.storeId, expertId: user.id, sessionId };
  }

  /** Whether this session may still be on the broker. */
  isLive(sessionId: string, now = new Date()): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM expert_broker_sessions b JOIN staff_sessions s ON s.token_hash = b.token_hash
           WHERE b.session_id = ? AND s.expires_at > ?`,
        )
        .get(sessionId, now.toISOString()) !== undefined
    );
  }

  /** For an external Mosquitto's password and ACL files. */
  brokerAccounts(now = new Date()): ExpertBrokerAccount[] {
    return (
      this.db
        .prepare('SELECT * FROM expert_broker_sessions WHERE expires_at > ? ORDER BY session_id')
        .all(now.toISOString()) as Row[]
    ).map((row) => ({
      username: `${EXPERT_USER_PREFIX}${row.session_id}`,
      expertId: row.expert_id,
      brokerHash: row.broker_hash,
    }));
  }

  /** Ends the broker session of a token that signed out. */
  endByTokenHash(tokenHash: string): void {
    this.end(
      this.db
        .prepare('SELECT * FROM expert_broker_sessions WHERE token_hash = ?')
        .all(tokenHash) as Row[],
    );
  }

  /** Ends every broker session whose staff session expired or is gone. */
  sweep(now = new Date()): void {
    this.end(
      this.db
        .prepare(
          `SELECT b.* FROM expert_broker_sessions b LEFT JOIN staff_sessions s ON s.token_hash = b.token_hash
           WHERE s.token_hash IS NULL OR s.expires_at <= ? OR b.expires_at <= ?`,
        )
        .all(now.toISOString(), now.toISOString()) as Row[],
    );
  }

  private end(rows: Row[]): void {
    if (rows.length === 0) return;
    const remove = this.db.prepare('DELETE FROM expert_broker_sessions WHERE session_id = ?');
    for (const row of rows) remove.run(row.session_id);
    this.changed();
    for (const row of rows) {
      const ended = {
        sessionId: row.session_id,
        expertId: row.expert_id,
        presenceSession: row.presence_session,
      };
      for (const listener of this.endListeners) listener(ended);
    }
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onEnded(listener: (ended: EndedSession) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
