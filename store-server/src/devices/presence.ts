// Device presence from retained births and Last Will deaths. A death from an
// older session than the last birth is a stale will and changes nothing.
import { DeviceStatus, parseJson, supersedes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { Logger } from '@vitrine/shared/node';

export type PresenceRow = {
  deviceId: string;
  online: boolean;
  session: number;
  app: string | null;
  version: string | null;
  showing: string | null;
  changedAt: string;
};

export class PresenceTracker {
  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Applies a status message; returns false when it was refused or stale. */
  accept(deviceId: string, payload: Buffer): boolean {
    if (payload.length === 0) return false; // a cleared retained message
    const status = parseJson(DeviceStatus, payload.toString('utf8'));
    if (!status.ok) {
      this.log.warn({ deviceId, error: status.error }, 'presence: refused a status message');
      return false;
    }
    const current = this.get(deviceId);
    const message = status.value;
    const mark = (online: boolean, session: number) => ({ alive: online, session });
    if (
      !supersedes(
        current && mark(current.online, current.session),
        mark(message.type === 'birth', message.session),
      )
    )
      return false;
    const now = new Date().toISOString();
    if (message.type === 'birth') {
      this.db
        .prepare(
          `INSERT INTO presence (device_id, online, session, app, version, showing, changed_at)
           VALUES (?, 1, ?, ?, ?, ?, ?)
           ON CONFLICT (device_id) DO UPDATE SET online = 1, session = excluded.session, app = excluded.app,
             version = excluded.version, showing = excluded.showing, changed_at = excluded.changed_at`,
        )
        .run(deviceId, message.session, message.app, message.version, message.showing, now);
    } else {
      this.db
        .prepare(
          `INSERT INTO presence (device_id, online, session, changed_at) VALUES (?, 0, ?, ?)
           ON CONFLICT (device_id) DO UPDATE SET online = 0, session = excluded.session, changed_at = excluded.changed_at`,
        )
        .run(deviceId, message.session, now);
    }
    return true;
  }

  get(deviceId: string): PresenceRow | undefined {
    const row = this.db.prepare('SELECT * FROM presence WHERE device_id = ?').get(deviceId) as
      Record<string, unknown> | undefined;
    return row ? toPresence(row) : undefined;
  }

  list(): PresenceRow[] {
    return (
      this.db.prepare('SELECT * FROM presence ORDER BY device_id').all() as Record<
        string,
        unknown
      >[]
    ).map(toPresence);
  }
}

function toPresence(row: Record<string, unknown>): PresenceRow {
  return {
    deviceId: String(row.device_id),
    online: row.online === 1,
    session: Number(row.session),
    app: (row.app as string | null) ?? null,
    version: (row.version as string | null) ?? null,
    showing: (row.showing as string | null) ?? null,
    changedAt: String(row.changed_at),
  };
}
