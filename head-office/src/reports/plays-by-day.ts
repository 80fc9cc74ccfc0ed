// A day's plays of each campaign summed over the stores asked for (a region, one store, or every
// store a campaign played in), keyset-paginated by (day, campaign). The sum is made per request
// from pop_daily: a region's month is some 36k rows, a campaign's stores are found through
// pop_daily_campaign. The chain's whole day is refused by the route: 5,000 stores' rows per
// page would need a rollup per region or chain, which the ingest would contend on.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { HqPlaysDayRow } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import { encodeCursor } from './report-page';

export type PlaysByDayFilters = {
  from: string;
  to: string;
  region?: string;
  store?: string;
  campaign?: string;
};

const Cursor = z.tuple([z.iso.date(), z.string().max(64)]);

function decode(cursor: string): [string, string] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const parsed = Cursor.safeParse(parts);
  if (!parsed.success)
    throw new HttpError(400, 'bad_cursor', '"after" is not a cursor this report gave as "next"');
  return parsed.data;
}

export async function playsByDay(
  pool: Pool,
  filters: PlaysByDayFilters,
  after: string | undefined,
  limit: number,
): Promise<{ rows: HqPlaysDayRow[]; next: string | null }> {
  const values: unknown[] = [filters.from, filters.to];
  const where = ['p.day BETWEEN $1 AND $2'];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (filters.region !== undefined)
    add((n) => `p.store_id IN (SELECT id FROM stores WHERE region_id = ${n})`, filters.region);
  if (filters.store !== undefined) add((n) => `p.store_id = ${n}`, filters.store);
  if (filters.campaign !== undefined) add((n) => `p.campaign_id = ${n}`, filters.campaign);
  if (after !== undefined) {
    const [day, campaign] = decode(after);
    values.push(day, campaign);
    where.push(`(p.day, p.campaign_id) > ($${values.length - 1}::date, $${values.length})`);
  }
  values.push(limit);
  const result = await pool.query<HqPlaysDayRow>(
    `SELECT p.day::text AS day, p.campaign_id AS "campaignId",
            count(DISTINCT p.store_id)::int AS stores, sum(p.plays)::float8 AS plays,
            sum(p.interrupted)::float8 AS interrupted, sum(p.played_ms)::float8 AS "playedMs"
       FROM pop_daily p
      WHERE ${where.join(' AND ')}
      GROUP BY p.day, p.campaign_id
      ORDER BY p.day, p.campaign_id
      LIMIT $${values.length}`,
    values,
  );
  const last = result.rows.at(-1);
  return {
    rows: result.rows,
    next: last && result.rows.length === limit ? encodeCursor([last.day, last.campaignId]) : null,
  };
}
