// What head office's PostgreSQL holds of the simulated devices' events, against what their stores
// acknowledged to them (the devices' ledgers). Doubles are counted by the device's own sequence
// and by the payload's play id, not by the primary key (which would absorb them).
import type pg from 'pg';
import { eventKey as key } from './store-outboxes';
import type { DeviceLedger } from './worker-protocol';

export type EventsFigures = {
  /** Events the stores acknowledged to the devices. */
  acked: number;
  /** Rows of these devices in head office's events table. */
  stored: number;
  /** Acknowledged to a device, absent from PostgreSQL and from every store's hq_outbox. */
  lost: number;
  /** Acknowledged to a device, not in PostgreSQL yet, still in its store's hq_outbox (late). */
  owedByStores: number;
  /** Rows beyond one per (store, device, seq), and per (store, device, playId). */
  doubledBySeq: number;
  doubledByPlay: number;
  /** Stored rows no device saw acknowledged (in flight when the drain ended): not a loss. */
  storedUnacked: number;
  /** Events still in device outboxes after the drain, refused by a store, sent again. */
  pendingAtEnd: number;
  rejected: number;
  resent: number;
  /** Rows per second between the first and the last row's arrival at head office. */
  eventsPerSecond: number;
};

type Row = { store_id: string; device_id: string; event_id: string };

/** The events of these devices, counted; `stored` alone when no ledger is given yet. */
export async function countStored(pool: pg.Pool, deviceIds: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events WHERE device_id = ANY($1)',
    [deviceIds],
  );
  return rows[0]?.n ?? 0;
}

export async function eventsFigures(
  pool: pg.Pool,
  ledgers: readonly DeviceLedger[],
  owed: ReadonlySet<string>,
): Promise<EventsFigures> {
  const deviceIds = ledgers.map((ledger) => ledger.deviceId);
  const { rows } = await pool.query<Row>(
    'SELECT store_id, device_id, event_id::text FROM events WHERE device_id = ANY($1)',
    [deviceIds],
  );
  const stored = new Set(rows.map((row) => key(row.store_id, row.device_id, row.event_id)));
  let acked = 0;
  let lost = 0;
  let late = 0;
  const ackedKeys = new Set<string>();
  for (const ledger of ledgers)
    for (const id of ledger.acked) {
      acked++;
      const k = key(ledger.storeId, ledger.deviceId, id);
      ackedKeys.add(k);
      if (!stored.has(k)) {
        if (owed.has(k)) late++;
        else lost++;
      }
    }
  const doubles = await pool.query<{ by_seq: number; by_play: number; per_second: number }>(
    `SELECT (count(*) - count(DISTINCT (store_id, device_id, seq)))::int AS by_seq,
            (count(*) - count(DISTINCT (store_id, device_id, payload->>'playId')))::int AS by_play,
            COALESCE(count(*) / NULLIF(extract(epoch FROM max(received_at) - min(received_at)), 0), 0)::float AS per_second
       FROM events WHERE device_id = ANY($1)`,
    [deviceIds],
  );
  const sum = (pick: (ledger: DeviceLedger) => number) =>
    ledgers.reduce((total, ledger) => total + pick(ledger), 0);
  return {
    acked,
    stored: rows.length,
    lost,
    owedByStores: late,
    doubledBySeq: doubles.rows[0]?.by_seq ?? 0,
    doubledByPlay: doubles.rows[0]?.by_play ?? 0,
    storedUnacked: [...stored].filter((k) => !ackedKeys.has(k)).length,
    pendingAtEnd: sum((ledger) => ledger.pending),
    rejected: sum((ledger) => ledger.rejected),
    resent: sum((ledger) => ledger.resent),
    eventsPerSecond: Math.round(doubles.rows[0]?.per_second ?? 0),
  };
}
