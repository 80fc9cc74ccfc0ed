// Events batches into a real PostgreSQL 15: stored once whatever the resends, bad items in dead
// letters beside a stored rest, an unknown store never inserted, and each event in its day's
// partition (or the DEFAULT one until that day's partition is made).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { migrate } from '../db/migrations';
import { headOfficeMigrations } from '../schema';
import { maintainPartitions, partitionName, RAW_RETENTION_DAYS } from './partitions';
import { storeEventsBatch, uuidV7Time } from './store-batch';
import { eventsBatch, uuidV7 } from './test-events';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-06T12:00:00.000Z');

let seq = 0;
const event = (time = NOW, deviceId = 'kiosk-1') => ({
  deviceId,
  event: {
    id: uuidV7(time),
    seq: ++seq,
    kind: 'interaction',
    at: new Date(time).toISOString(),
    payload: { action: 'view', productId: 'p1' },
  },
});
const batch = (events: unknown[]) => eventsBatch(events);

describe('an events batch into PostgreSQL', () => {
  let test: TestPostgres;
  let pool: pg.Pool;
  const count = async (sql: string, params: unknown[] = []) =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    test = await startTestPostgres();
    pool = new pg.Pool({ connectionString: await test.freshDatabase(), max: 4 }).on(
      'error',
      () => undefined,
    );
    pool.on('error', () => undefined); // PostgreSQL stopping at the end ends idle connections
    await migrate(pool, headOfficeMigrations);
    await pool.query(
      `INSERT INTO stores (id, name, time_zone, currency) VALUES ('lyon', 'Lyon', 'Europe/Paris', 'EUR')`,
    );
  });
  afterAll(async () => {
    await pool?.end();
    await test?.remove();
  });

  it('reads the UUIDv7 time the partition is chosen by', () => {
    expect(uuidV7Time(uuidV7(NOW))).toBe(NOW);
    expect(uuidV7Time('0193a1b2-c3d4-7e5f-8a9b-000000000001')).toBe(0x0193a1b2c3d4);
  });

  it('stores each event once: a resend under any message id is absorbed and counted', async () => {
    const events = Array.from({ length: 20 }, () => event());
    expect(await storeEventsBatch(pool, 'lyon', batch(events), NOW)).toEqual({
      stored: 20,
      duplicates: 0,
      deadLetters: 0,
    });
    // The same events again, and inside one batch twice: the key absorbs them all.
    const resend = [...events.slice(5), events[6]!];
    expect(await storeEventsBatch(pool, 'lyon', batch(resend), NOW)).toEqual({
      stored: 0,
      duplicates: 16,
      deadLetters: 0,
    });
    expect(await count(`events WHERE store_id = 'lyon'`)).toBe(20);
    const seen = await pool.query<{ last_seen_at: Date | null }>(
      `SELECT last_seen_at FROM stores WHERE id = 'lyon'`,
    );
    expect(seen.rows[0]?.last_seen_at).toBeInstanceOf(Date);
  });

  it('dead-letters a bad item and stores the rest of its batch; a bad item again counts again', async () => {
    const good = [event(), event()];
    const bad = { deviceId: 'kiosk-2', event: { ...event().event, kind: 'telepathy' } };
    const items = [good[0], bad, good[1]];
    expect(await storeEventsBatch(pool, 'lyon', batch(items), NOW)).toEqual({
      stored: 2,
      duplicates: 0,
      deadLetters: 1,
    });
    await storeEventsBatch(pool, 'lyon', batch(items), NOW);
    const dead = await pool.query<{ device_id: string; reason: string; times: number }>(
      `SELECT device_id, event_id, reason, times FROM hq_dead_letters WHERE event_id = $1`,
      [bad.event.id],
    );
    expect(dead.rows).toHaveLength(1);
    expect(dead.rows[0]).toMatchObject({ device_id: 'kiosk-2', times: 2 });
    expect(dead.rows[0]?.reason).toMatch(/kind/);
  });

  it('never inserts for a store head office does not know', async () => {
    const outcome = await storeEventsBatch(pool, 'nowhere', batch([event(), event()]), NOW);
    expect(outcome).toEqual({ stored: 0, duplicates: 0, deadLetters: 2 });
    expect(await count(`events WHERE store_id = 'nowhere'`)).toBe(0);
    expect(
      await count(`hq_dead_letters WHERE store_id = 'nowhere' AND reason = 'unknown store'`),
    ).toBe(2);
  });

  it('dead-letters a message that is not a batch, and an event past raw retention', async () => {
    const garbage = new TextEncoder().encode('{"v":1,"type":"events"');
    expect(await storeEventsBatch(pool, 'lyon', garbage, NOW)).toMatchObject({ deadLetters: 1 });
    const old = event(NOW - (RAW_RETENTION_DAYS + 1) * DAY_MS);
    expect(await storeEventsBatch(pool, 'lyon', batch([old, event()]), NOW)).toEqual({
      stored: 1,
      duplicates: 0,
      deadLetters: 1,
    });
    expect(await count(`hq_dead_letters WHERE reason = 'older than raw retention'`)).toBe(1);
  });

  it('dead-letters an event PostgreSQL refuses (a year 0000) and stores the rest of its batch', async () => {
    const zero = event();
    zero.event.at = '0000-01-01T00:00:00Z'; // valid ISO 8601, out of PostgreSQL's range
    const fine = [event(), event()];
    expect(await storeEventsBatch(pool, 'lyon', batch([fine[0], zero, fine[1]]), NOW)).toEqual({
      stored: 2,
      duplicates: 0,
      deadLetters: 1,
    });
    const dead = await pool.query<{ reason: string }>(
      `SELECT reason FROM hq_dead_letters WHERE event_id = $1`,
      [zero.event.id],
    );
    expect(dead.rows[0]?.reason).toMatch(/refused by PostgreSQL: .*out of range/);
  });

  it('stores text PostgreSQL would refuse (NUL, a lone surrogate) instead of refusing the batch', async () => {
    const odd = event();
    Object.assign(odd.event.payload, { query: 'a\u0000b\ud800c' });
    odd.event.payload.action = 'search';
    expect(await storeEventsBatch(pool, 'lyon', batch([odd]), NOW)).toMatchObject({ stored: 1 });
    const row = await pool.query<{ query: string }>(
      `SELECT payload->>'query' AS query FROM events WHERE event_id = $1`,
      [odd.event.id],
    );
    expect(row.rows[0]?.query).toBe('ab\ufffdc');
  });

  it('keeps daily partitions a week ahead, moves waiting rows out of DEFAULT, drops old days', async () => {
    const nextWeek = event(NOW + 5 * DAY_MS);
    await storeEventsBatch(pool, 'lyon', batch([nextWeek]), NOW);
    expect(await count(`events_default WHERE event_id = $1`, [nextWeek.event.id])).toBe(1);
    const first = await maintainPartitions(pool, NOW);
    expect(first.created).toHaveLength(8);
    expect(await count(`events_default WHERE event_id = $1`, [nextWeek.event.id])).toBe(0);
    const day = partitionName(NOW + 5 * DAY_MS);
    expect(await count(`${day} WHERE event_id = $1`, [nextWeek.event.id])).toBe(1);
    // A resend after the move is absorbed by the partition that now holds it.
    expect(await storeEventsBatch(pool, 'lyon', batch([nextWeek]), NOW)).toMatchObject({
      duplicates: 1,
    });
    expect(await maintainPartitions(pool, NOW)).toEqual({
      created: [],
      dropped: [],
      purgedFromDefault: 0,
    });
    // 40 days on: the days made then are past retention and dropped; the week ahead is made.
    const later = await maintainPartitions(pool, NOW + 40 * DAY_MS);
    expect(later.dropped).toContain(partitionName(NOW));
    expect(later.created).toContain(partitionName(NOW + 47 * DAY_MS));
    expect(await count(`events WHERE id_time < $1`, [new Date(NOW + 2 * DAY_MS)])).toBe(0);
  });
});
