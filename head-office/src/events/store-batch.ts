// One events batch from one store into PostgreSQL, in one transaction: the good events inserted
// with ON CONFLICT DO NOTHING (a resend, even under a new message id, is absorbed and counted)
// and added to the daily rollups the reports read, the refused ones into hq_dead_letters. The store is the one the subject names, never the body.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { decodeLinkMessage, EventsBatch, parseUnknown, StoreEvent } from '@vitrine/shared/core';
import { ROLLUPS_FROM_INS } from '../reports/rollups';
import { retentionCutoff } from './partitions';

export type BatchOutcome = {
  /** Events inserted now. */
  stored: number;
  /** Events already held (a resend): absorbed by the primary key. */
  duplicates: number;
  /** Items refused into hq_dead_letters (a whole refused message counts as one). */
  deadLetters: number;
};

type DeadLetter = { deviceId: string; eventId: string; reason: string; raw: unknown };
type EventRow = StoreEvent & { idTime: string };

const MAX_RAW_CHARS = 16_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL takes: no NUL (text and jsonb refuse it) and no lone surrogate (jsonb refuses
 * its escape). Without this one such string would refuse its whole batch, every time.
 */
const storable = (text: string) => text.replaceAll('\0', '').replace(LONE_SURROGATE, '\uFFFD');
const storableJson = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' ? storable(item) : item,
  ) ?? 'null';

/** The millisecond timestamp in a UUIDv7's first 48 bits (the event's key, so a resend agrees). */
export function uuidV7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** A refused item's key: its own id when it has a readable one, else a digest of it. */
function deadLetterOf(item: unknown, reason: string): DeadLetter {
  const record = (typeof item === 'object' && item !== null ? item : {}) as {
    deviceId?: unknown;
    event?: { id?: unknown };
  };
  const text = storableJson(item);
  const deviceId = typeof record.deviceId === 'string' ? storable(record.deviceId) : '';
  const id = record.event?.id;
  const eventId = typeof id === 'string' && id.length <= 64 ? storable(id) : digest(text);
  const raw = text.length > MAX_RAW_CHARS ? { truncated: text.slice(0, MAX_RAW_CHARS) } : item;
  return { deviceId: deviceId.slice(0, 64), eventId, reason: reason.slice(0, 500), raw };
}

/** Splits a batch's items into storable events and dead letters. */
function sortItems(items: readonly unknown[], now: number) {
  const cutoff = retentionCutoff(now);
  const rows: EventRow[] = [];
  const dead: DeadLetter[] = [];
  for (const item of items) {
    const parsed = parseUnknown(StoreEvent, item);
    if (!parsed.ok) {
      dead.push(deadLetterOf(item, parsed.error));
      continue;
    }
    const idTime = uuidV7Time(parsed.value.event.id);
    if (idTime < cutoff) dead.push(deadLetterOf(item, 'older than raw retention'));
    else rows.push({ ...parsed.value, idTime: new Date(idTime).toISOString() });
  }
  return { rows, dead };
}

/** The events, and the daily rollups of those actually inserted (a resend adds nothing). */
const insertEventsSql = (rollups: boolean) => `
  WITH ins AS (
    INSERT INTO events (store_id, device_id, event_id, id_time, kind, at, seq, payload)
    SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::timestamptz[], $5::text[],
                             $6::timestamptz[], $7::bigint[], $8::jsonb[])
    ON CONFLICT DO NOTHING
    RETURNING device_id, kind, at, payload
  )${rollups ? `, ${ROLLUPS_FROM_INS}` : ''}
  SELECT count(*)::int AS stored FROM ins`;
const INSERT_EVENTS = { true: insertEventsSql(true), false: insertEventsSql(false) };

const UPSERT_DEAD_LETTERS = `
  INSERT INTO hq_dead_letters (store_id, device_id, event_id, reason, raw)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[])
  ON CONFLICT (store_id, device_id, event_id) DO UPDATE
    SET times = hq_dead_letters.times + 1, last_at = now(), reason = excluded.reason,
        raw = excluded.raw`;

async function insertEvents(
  client: PoolClient,
  storeId: string,
  rows: EventRow[],
  rollups: boolean,
) {
  if (rows.length === 0) return 0;
  const result = await client.query<{ stored: number }>(INSERT_EVENTS[`${rollups}`], [
    storeId,
    rows.map((row) => storable(row.deviceId)),
    rows.map((row) => row.event.id),
    rows.map((row) => row.idTime),
    rows.map((row) => row.event.kind),
    rows.map((row) => row.event.at),
    rows.map((row) => row.event.seq),
    rows.map((row) => storableJson(row.event.payload)),
  ]);
  return result.rows[0]?.stored ?? 0;
}

async function insertDeadLetters(client: PoolClient, storeId: string, dead: DeadLetter[]) {
  // One row per key: ON CONFLICT DO UPDATE cannot touch a row twice in one statement.
  const unique = [...new Map(dead.map((d) => [`${d.deviceId}\n${d.eventId}`, d])).values()];
  if (unique.length === 0) return;
  await client.query(UPSERT_DEAD_LETTERS, [
    storeId,
    unique.map((d) => d.deviceId),
    unique.map((d) => d.eventId),
    unique.map((d) => d.reason),
    unique.map((d) => storableJson(d.raw)),
  ]);
}

/** A data exception (SQLSTATE class 22): this input, not the database, is the trouble. */
const isDataError = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  (error as { code: string }).code.startsWith('22');

/**
 * The rows one at a time, each behind a savepoint: a row PostgreSQL refuses (a value out of its
 * range that our schema let through) becomes a dead letter instead of refusing its batch forever.
 */
async function insertOneByOne(
  client: PoolClient,
  storeId: string,
  rows: EventRow[],
  dead: DeadLetter[],
  rollups: boolean,
): Promise<{ stored: number; refused: number }> {
  let stored = 0;
  let refused = 0;
  for (const row of rows) {
    await client.query('SAVEPOINT item');
    try {
      stored += await insertEvents(client, storeId, [row], rollups);
      await client.query('RELEASE SAVEPOINT item');
    } catch (error) {
      if (!isDataError(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT item');
      const { deviceId, event } = row;
      dead.push(
        deadLetterOf({ deviceId, event }, `refused by PostgreSQL: ${(error as Error).message}`),
      );
      refused++;
    }
  }
  return { stored, refused };
}

type Batch = ReturnType<typeof decodeLinkMessage<typeof EventsBatch>>;

async function writeBatch(
  client: PoolClient,
  storeId: string,
  batch: Batch,
  data: Uint8Array,
  options: { now: number; oneByOne: boolean; rollups: boolean },
): Promise<BatchOutcome> {
  const known = await client.query('SELECT 1 FROM stores WHERE id = $1', [storeId]);
  let outcome: BatchOutcome;
  if (!batch.ok) {
    const text = storable(Buffer.from(data).toString('utf8'));
    await insertDeadLetters(client, storeId, [
      { deviceId: '', eventId: digest(text), reason: batch.error, raw: text.slice(0, 16_000) },
    ]);
    outcome = { stored: 0, duplicates: 0, deadLetters: 1 };
  } else if (known.rowCount === 0) {
    const dead = batch.value.events.map((item) => deadLetterOf(item, 'unknown store'));
    await insertDeadLetters(client, storeId, dead);
    outcome = { stored: 0, duplicates: 0, deadLetters: dead.length };
  } else {
    const { rows, dead } = sortItems(batch.value.events, options.now);
    const { stored, refused } = options.oneByOne
      ? await insertOneByOne(client, storeId, rows, dead, options.rollups)
      : { stored: await insertEvents(client, storeId, rows, options.rollups), refused: 0 };
    await insertDeadLetters(client, storeId, dead);
    outcome = { stored, duplicates: rows.length - refused - stored, deadLetters: dead.length };
  }
  if (known.rowCount)
    await client.query(
      `UPDATE stores SET last_seen_at = greatest(last_seen_at, now()) WHERE id = $1`,
      [storeId],
    );
  return outcome;
}

async function inTransaction(
  pool: Pool,
  work: (client: PoolClient) => Promise<BatchOutcome>,
): Promise<BatchOutcome> {
  const client = await pool.connect();
  // A connection cut while checked out emits 'error' here, not at the pool: unheard, it would
  // end the process. The failing query rejects on its own and the batch comes back.
  const ignore = () => undefined;
  client.on('error', ignore);
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    // The message is acknowledged once COMMIT returns: the commit must then survive a crash of
    // PostgreSQL, whatever the server's default (the test clusters run with it off).
    await client.query('SET LOCAL synchronous_commit = on');
    const outcome = await work(client);
    await client.query('COMMIT');
    return outcome;
  } catch (error) {
    if (!isDataError(error)) failure = error as Error; // a failed connection is not reused
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(failure);
  }
}

/**
 * Stores one EVENTS message of store `storeId` (taken from its subject). Resolves once committed:
 * only then may the message be acknowledged. Rejects when the database fails: nothing was
 * written, and the message must come back.
 */
export async function storeEventsBatch(
  pool: Pool,
  storeId: string,
  data: Uint8Array,
  now = Date.now(),
  /** False only in the hq-reports bench, which measures what the rollups cost. */
  rollups = true,
): Promise<BatchOutcome> {
  const batch = decodeLinkMessage(EventsBatch, data);
  const write = (oneByOne: boolean) => (client: PoolClient) =>
    writeBatch(client, storeId, batch, data, { now, oneByOne, rollups });
  try {
    return await inTransaction(pool, write(false));
  } catch (error) {
    if (!isDataError(error)) throw error;
    return inTransaction(pool, write(true));
  }
}
