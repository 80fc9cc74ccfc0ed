// The audit rows of sign-ins that went wrong: every failure and every wait it
// started, newest first for the manager. Refusals during a wait are not
// written (the wait is), so rows grow with the limits, not with a flood.
import type { SignInAuditEntry, SignInAuditEvent } from '@vitrine/shared/core';
import type { Db } from '../db/database';

/** Rows kept; older ones are dropped as new ones arrive. */
const AUDIT_ROWS_KEPT = 10_000;

type Row = {
  at: string;
  account: string;
  client: string;
  event: SignInAuditEvent;
  until: string | null;
};

export class SignInAudit {
  private readonly insert;
  private readonly prune;
  private readonly newest;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO sign_in_audit (at, account, client, event, until) VALUES (@at, @account, @client, @event, @until)',
    );
    this.prune = db.prepare('DELETE FROM sign_in_audit WHERE id <= ?');
    this.newest = db.prepare(
      'SELECT at, account, client, event, until FROM sign_in_audit ORDER BY id DESC LIMIT ?',
    );
  }

  record(entry: SignInAuditEntry): void {
    const { lastInsertRowid } = this.insert.run(entry satisfies Row);
    const id = Number(lastInsertRowid);
    // Every hundredth row, drop what is past the window (one indexed range delete).
    if (id % 100 === 0) this.prune.run(id - AUDIT_ROWS_KEPT);
  }

  recent(limit: number): SignInAuditEntry[] {
    return this.newest.all(limit) as Row[];
  }
}
