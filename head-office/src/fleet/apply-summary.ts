// One store's fleet summary into `screens`, in one transaction: the summary is the store's whole
// fleet, so the screens it names are upserted and the store's other screens deleted (removed at
// the store). The store is the one the subject names, never the body.
import type { Pool } from 'pg';
import type { FleetSummary } from '@vitrine/shared/core';
import { inTransaction } from '../db/transaction';

export type SummaryOutcome =
  | { kind: 'applied'; screens: number; removed: number }
  /** An older summary than the one held, delivered late: nothing changes. */
  | { kind: 'stale' }
  /** No such store at head office: the message cannot be about any screen we show. */
  | { kind: 'unknown-store' };

/** PostgreSQL text refuses NUL; the summary's strings come from the store's devices. */
const text = (value: string) => value.replaceAll('\0', '');

export async function applyFleetSummary(
  pool: Pool,
  storeId: string,
  summary: FleetSummary,
): Promise<SummaryOutcome> {
  return inTransaction(pool, async (client) => {
    // Locks the store's row: two processes applying the same store's summaries take turns.
    const store = await client.query('SELECT 1 FROM stores WHERE id = $1 FOR UPDATE', [storeId]);
    if (store.rowCount === 0) return { kind: 'unknown-store' } satisfies SummaryOutcome;
    const newer = await client.query(
      `INSERT INTO fleet_reports (store_id, at) VALUES ($1, $2)
       ON CONFLICT (store_id) DO UPDATE SET at = excluded.at, received_at = now()
         WHERE fleet_reports.at < excluded.at
       RETURNING store_id`,
      [storeId, summary.at],
    );
    await client.query(
      `UPDATE stores SET last_seen_at = greatest(last_seen_at, now()) WHERE id = $1`,
      [storeId],
    );
    if (newer.rowCount === 0) return { kind: 'stale' } satisfies SummaryOutcome;
    // A device named twice would refuse the whole upsert: the last mention wins.
    const devices = [...new Map(summary.devices.map((d) => [text(d.deviceId), d])).values()];
    if (devices.length > 0) {
      await client.query(
        `INSERT INTO screens (store_id, device_id, app, version, status, last_contact, showing,
                              flags)
         SELECT $1, d, a, v, st, lc, sh, coalesce(string_to_array(nullif(fl, ''), ','), '{}')
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                       $7::text[], $8::text[]) AS u (d, a, v, st, lc, sh, fl)
         ON CONFLICT (store_id, device_id) DO UPDATE SET app = excluded.app,
           version = excluded.version, status = excluded.status,
           last_contact = excluded.last_contact, showing = excluded.showing,
           flags = excluded.flags, updated_at = now()`,
        [
          storeId,
          devices.map((device) => text(device.deviceId)),
          devices.map((device) => device.app),
          devices.map((device) => text(device.version)),
          devices.map((device) => device.status),
          devices.map((device) => device.lastContact),
          devices.map((device) => (device.showing === undefined ? null : text(device.showing))),
          // Flag kinds are words of an enum: a comma never appears in one.
          devices.map((device) => (device.flags ?? []).join(',')),
        ],
      );
    }
    const removed = await client.query(
      `DELETE FROM screens WHERE store_id = $1 AND NOT (device_id = ANY($2::text[]))`,
      [storeId, devices.map((device) => text(device.deviceId))],
    );
    return {
      kind: 'applied',
      screens: devices.length,
      removed: removed.rowCount ?? 0,
    } satisfies SummaryOutcome;
  });
}
