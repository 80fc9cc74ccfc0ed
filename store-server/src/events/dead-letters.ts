// Events the server refused, kept with their reason so they never vanish: the
// device is told (its ack names them) and keeps its copy; the store keeps this
// one for the fleet view. A device flooding bad events keeps only its latest.
import type { Db } from '../db/database';

/** The newest dead letters kept per device; older ones are dropped. */
export const DEAD_LETTERS_PER_DEVICE = 200;
/** What is kept of a refused payload: enough to see what was wrong. */
const RAW_CHARS = 2_000;

export type DeadLetter = {
  deviceId: string;
  /** Null when the batch itself could not be read (not JSON, not a batch). */
  eventId: string | null;
  reason: string;
  raw: string;
  firstAt: string;
  lastAt: string;
  times: number;
};

export type DeadLetterSummary = {
  deviceId: string;
  count: number;
  lastAt: string;
  lastReason: string;
};

export class DeadLetters {
  private readonly upsert;
  private readonly prune;

  constructor(private readonly db: Db) {
    // A resent refusal (same device, same id) counts again instead of adding a row.
    this.upsert = db.prepare(
      `INSERT INTO rejected_events (device_id, event_id, reason, raw, first_at, last_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id, event_id) DO UPDATE SET
         reason = excluded.reason, raw = excluded.raw, last_at = excluded.last_at,
         times = times + 1`,
    );
    this.prune = db.prepare(
      `DELETE FROM rejected_events WHERE device_id = ? AND rowid NOT IN (
         SELECT rowid FROM rejected_events WHERE device_id = ? ORDER BY last_at DESC, rowid DESC LIMIT ?)`,
    );
  }

  /** Records refusals; call inside the ingestion transaction. */
  record(
    deviceId: string,
    refusals: readonly { eventId: string | null; reason: string; raw: unknown }[],
    at: string,
  ): void {
    if (refusals.length === 0) return;
    for (const refusal of refusals) {
      const raw = typeof refusal.raw === 'string' ? refusal.raw : safeJson(refusal.raw);
      this.upsert.run(
        deviceId,
        refusal.eventId,
        refusal.reason.slice(0, 500),
        raw.slice(0, RAW_CHARS),
        at,
        at,
      );
    }
    this.prune.run(deviceId, deviceId, DEAD_LETTERS_PER_DEVICE);
  }

  /** One line per device that has dead letters, most recent first. */
  summary(): DeadLetterSummary[] {
    return this.db
      .prepare(
        `SELECT device_id AS deviceId, SUM(times) AS count, MAX(last_at) AS lastAt,
           (SELECT reason FROM rejected_events r WHERE r.device_id = d.device_id
              ORDER BY last_at DESC, rowid DESC LIMIT 1) AS lastReason
         FROM rejected_events d GROUP BY device_id ORDER BY lastAt DESC`,
      )
      .all() as DeadLetterSummary[];
  }

  /** A device's dead letters, newest first. */
  forDevice(deviceId: string, limit = 50): DeadLetter[] {
    return this.db
      .prepare(
        `SELECT device_id AS deviceId, event_id AS eventId, reason, raw, first_at AS firstAt,
           last_at AS lastAt, times
         FROM rejected_events WHERE device_id = ? ORDER BY last_at DESC, rowid DESC LIMIT ?`,
      )
      .all(deviceId, limit) as DeadLetter[];
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
