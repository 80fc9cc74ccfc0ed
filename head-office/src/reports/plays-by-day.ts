// A day's plays of each campaign summed over the stores asked for (a region, one store, or every
// store a campaign played in), keyset-paginated by (day, campaign). The sum is made per request
// from pop_daily: a region's month is some 36k rows read store by store through the primary
// key, a campaign's stores are found through pop_daily_campaign. The chain's whole day is refused by the route: 5,000 stores' rows per
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
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const rows = ['p.day BETWEEN $1 AND $2'];
  if (filters.campaign !== undefined) rows.push(`p.campaign_id = ${param(filters.campaign)}`);
  if (after !== undefined) {
    const [day, campaign] = decode(after);
    rows.push(`(p.day, p.campaign_id) > (${param(day)}::date, ${param(campaign)})`);
  }
  const stores: string[] = [];
  if (filters.region !== undefined) stores.push(`s.region_id = ${param(filters.region)}`);
  if (filters.store !== undefined) stores.push(`s.id = ${param(filters.store)}`);
  // A region or a store: its stores, then each one's rows through the primary key (a day range
  // covering most of the table would otherwise read all of it). A campaign alone: its index.
  const source = stores.length
    ? `stores s CROSS JOIN LATERAL (
         SELECT p.* FROM pop_daily p WHERE p.store_id = s.id AND ${rows.join(' AND ')}) p
       WHERE ${stores.join(' AND ')}`
    : `pop_daily p WHERE ${rows.join(' AND ')}`;
  const result = await pool.query<HqPlaysDayRow>(
    `SELECT p.day::text AS day, p.campaign_id AS "campaignId",
            count(DISTINCT p.store_id)::int AS stores, sum(p.plays)::float8 AS plays,
            sum(p.interrupted)::float8 AS interrupted, sum(p.played_ms)::float8 AS "playedMs"
       FROM ${source}
      GROUP BY p.day, p.campaign_id
      ORDER BY p.day, p.campaign_id
      LIMIT ${param(limit)}`,
    values,
  );
  const last = result.rows.at(-1);
  return {
    rows: result.rows,
    next: last && result.rows.length === limit ? encodeCursor([last.day, last.campaignId]) : null,
  };
}
