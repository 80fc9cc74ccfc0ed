// The daily partitions of `events` (role `partitions`, one process at a time): each day's
// partition exists a week ahead, and raw days older than the retention are dropped (rollups
// stay). Rows that waited in the DEFAULT partition for their day are moved into it as it is made.
import type { Pool, PoolClient } from 'pg';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Raw events are kept this many days (lead's decision, issue 16). */
export const RAW_RETENTION_DAYS = 35;
const DAYS_AHEAD = 7;

/** `events_p20261206` for the UTC day holding `time`. */
export function partitionName(time: number): string {
  return `events_p${new Date(time).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

const startOfDay = (time: number) => Math.floor(time / DAY_MS) * DAY_MS;

/** The first instant still kept: events whose id_time is before it are past retention. */
export function retentionCutoff(now: number, days = RAW_RETENTION_DAYS): number {
  return startOfDay(now) - days * DAY_MS;
}

const iso = (time: number) => new Date(time).toISOString();

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the partition of the day starting at `dayStart`. The DEFAULT partition is locked
 * first, so no insert slips a row of that day in between the move and the attach.
 */
async function createDay(client: PoolClient, dayStart: number): Promise<void> {
  const name = partitionName(dayStart);
  const [from, to] = [iso(dayStart), iso(dayStart + DAY_MS)];
  await inTransaction(client, async () => {
    await client.query('LOCK TABLE events_default IN ACCESS EXCLUSIVE MODE');
    await client.query(
      `CREATE TABLE ${name} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await client.query(
      `WITH moved AS (DELETE FROM events_default WHERE id_time >= $1 AND id_time < $2 RETURNING *)
       INSERT INTO ${name} SELECT * FROM moved`,
      [from, to],
    );
    await client.query(
      `ALTER TABLE events ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
  });
}

/** The daily partitions that exist, by name. */
async function existingDays(client: PoolClient): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'events' AND c.relname ~ '^events_p[0-9]{8}$'`,
  );
  return result.rows.map((row) => row.name);
}

export type PartitionChange = { created: string[]; dropped: string[]; purgedFromDefault: number };

/**
 * Makes the partitions of today (UTC) and the next DAYS_AHEAD days, drops those wholly before
 * the retention cutoff and deletes past-retention rows from the DEFAULT partition.
 * Call it only while holding the `partitions` role.
 */
export async function maintainPartitions(
  pool: Pool,
  now = Date.now(),
  retentionDays = RAW_RETENTION_DAYS,
): Promise<PartitionChange> {
  const client = await pool.connect();
  const ignore = () => undefined; // a cut connection rejects the query; unheard, 'error' ends the process
  client.on('error', ignore);
  let failure: Error | undefined;
  try {
    const existing = new Set(await existingDays(client));
    const created: string[] = [];
    for (let day = 0; day <= DAYS_AHEAD; day++) {
      const dayStart = startOfDay(now) + day * DAY_MS;
      if (existing.has(partitionName(dayStart))) continue;
      await createDay(client, dayStart);
      created.push(partitionName(dayStart));
    }
    const cutoff = retentionCutoff(now, retentionDays);
    const oldest = partitionName(cutoff);
    const dropped = [...existing].filter((name) => name < oldest).sort();
    for (const name of dropped) await client.query(`DROP TABLE ${name}`);
    const purged = await client.query('DELETE FROM events_default WHERE id_time < $1', [
      iso(cutoff),
    ]);
    return { created, dropped, purgedFromDefault: purged.rowCount ?? 0 };
  } catch (error) {
    failure = error as Error; // a connection that failed is not reused
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(failure);
  }
}
