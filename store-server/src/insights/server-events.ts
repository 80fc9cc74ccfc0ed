// Events the store server writes itself (a day's figures, under the id
// `insights`): rows of the events table like any screen's, so a chain store's
// outbox trigger owes them to head office exactly once, offline too.
import { v7 as uuidv7 } from 'uuid';
import type { ServerEvent } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export class ServerEvents {
  private readonly nextSeq;
  private readonly insert;

  constructor(db: Db) {
    this.nextSeq = db
      .prepare('SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE device_id = ?')
      .pluck();
    this.insert = db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Inside the caller's transaction: the event stands or falls with what it reports. */
  write(deviceId: string, event: Pick<ServerEvent, 'kind' | 'payload'>, at: string): void {
    const seq = this.nextSeq.get(deviceId) as number;
    this.insert.run(uuidv7(), deviceId, seq, event.kind, at, at, JSON.stringify(event.payload));
  }
}
