// The fleet view: screens in (store, device) order after a cursor, never OFFSET, so every page
// is an index range scan of the primary key however deep it is; with the counts per status
// under the same filters.
import type { Pool } from 'pg';
import type { HqScreen } from '@vitrine/shared/core';

export type ScreenFilters = {
  store?: string;
  region?: string;
  app?: string;
  status?: string;
  /** ISO time: only screens last heard of before it. */
  contactBefore?: string;
};
export type ScreenCursor = { store: string; device: string };

type Row = {
  store_id: string;
  device_id: string;
  app: HqScreen['app'];
  version: string;
  status: HqScreen['status'];
  last_contact: Date;
  showing: string | null;
  flags: HqScreen['flags'];
  updated_at: Date;
};

/** The WHERE clause of the filters, its parameters numbered from 1. */
function filtered(filters: ScreenFilters) {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    values.push(value);
    clauses.push(sql(values.length));
  };
  if (filters.store !== undefined) add((n) => `s.store_id = $${n}`, filters.store);
  if (filters.region !== undefined)
    add((n) => `s.store_id IN (SELECT id FROM stores WHERE region_id = $${n})`, filters.region);
  if (filters.app !== undefined) add((n) => `s.app = $${n}`, filters.app);
  if (filters.status !== undefined) add((n) => `s.status = $${n}`, filters.status);
  if (filters.contactBefore !== undefined)
    add((n) => `s.last_contact < $${n}`, filters.contactBefore);
  return { clauses, values };
}

/** The page's query, exported so a test can EXPLAIN exactly what the route runs. */
export function screensPageQuery(
  filters: ScreenFilters,
  after: ScreenCursor | undefined,
  limit: number,
) {
  const { clauses, values } = filtered(filters);
  if (after) {
    values.push(after.store, after.device);
    clauses.push(`(s.store_id, s.device_id) > ($${values.length - 1}, $${values.length})`);
  }
  values.push(limit);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return {
    text: `SELECT s.store_id, s.device_id, s.app, s.version, s.status, s.last_contact, s.showing,
                  s.flags, s.updated_at
             FROM screens s ${where}
            ORDER BY s.store_id, s.device_id LIMIT $${values.length}`,
    values,
  };
}

export async function listScreens(
  pool: Pool,
  filters: ScreenFilters,
  after: ScreenCursor | undefined,
  limit: number,
) {
  const page = screensPageQuery(filters, after, limit);
  const counted = filtered(filters);
  const where = counted.clauses.length ? `WHERE ${counted.clauses.join(' AND ')}` : '';
  const [rows, counts] = await Promise.all([
    pool.query<Row>(page),
    pool.query<{ status: string; n: string }>(
      `SELECT s.status, count(*) AS n FROM screens s ${where} GROUP BY s.status`,
      counted.values,
    ),
  ]);
  const screens: HqScreen[] = rows.rows.map((row) => ({
    storeId: row.store_id,
    deviceId: row.device_id,
    app: row.app,
    version: row.version,
    status: row.status,
    lastContact: row.last_contact.toISOString(),
    showing: row.showing,
    flags: row.flags,
    updatedAt: row.updated_at.toISOString(),
  }));
  const last = screens.at(-1);
  const byStatus = new Map(counts.rows.map((row) => [row.status, Number(row.n)]));
  return {
    screens,
    next: last && screens.length === limit ? { store: last.storeId, device: last.deviceId } : null,
    counts: { online: byStatus.get('online') ?? 0, offline: byStatus.get('offline') ?? 0 },
  };
}
