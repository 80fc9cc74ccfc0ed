// One page of a daily-rollup report, by keyset: the stores are walked in id order (a region's
// or one store's alone when asked) and, for each, its rows of the day range through the rollup's
// primary key (store, day, …), until the page is full. No OFFSET: a deep page costs what the
// first does. The cursor is the last row's key, opaque to callers (base64url JSON).
import type { Pool } from 'pg';
import { z } from 'zod';
import { HttpError } from '@vitrine/shared/node';

/** A rollup table as a report reads it. */
export type RollupReport = {
  table: 'pop_daily' | 'pop_screen_daily' | 'feedback_daily' | 'requests_daily';
  /** Key columns after (store_id, day), in primary-key order, and their names in a row. */
  keys: readonly (readonly [column: string, field: string])[];
  /** Value columns as SQL expressions (numbers), and their names in a row. */
  values: readonly (readonly [sql: string, field: string])[];
};

export type ReportFilters = {
  from: string;
  to: string;
  store?: string;
  region?: string;
  /** Extra equality filters on key columns (the campaign of a plays report). */
  equal?: Record<string, string>;
};

const CursorParts = z.array(z.string().max(200));
const Day = /^\d{4}-\d{2}-\d{2}$/;

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The key a cursor names, or a 400: it must be one this report's pages gave. */
function decodeCursor(report: RollupReport, cursor: string): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const parsed = CursorParts.safeParse(parts);
  if (
    !parsed.success ||
    parsed.data.length !== 2 + report.keys.length ||
    !Day.test(parsed.data[1]!)
  )
    throw new HttpError(400, 'bad_cursor', '"after" is not a cursor this report gave as "next"');
  return parsed.data;
}

/** The page's query, exported so a test can EXPLAIN exactly what the route runs. */
export function reportPageQuery(
  report: RollupReport,
  filters: ReportFilters,
  after: readonly string[] | undefined,
  limit: number,
) {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const inner = [
    `p.store_id = s.id`,
    `p.day BETWEEN ${param(filters.from)} AND ${param(filters.to)}`,
  ];
  for (const [column, value] of Object.entries(filters.equal ?? {}))
    inner.push(`p.${column} = ${param(value)}`);
  const outer: string[] = [];
  if (filters.store !== undefined) outer.push(`s.id = ${param(filters.store)}`);
  if (filters.region !== undefined) outer.push(`s.region_id = ${param(filters.region)}`);
  const keyColumns = report.keys.map(([column]) => `p.${column}`);
  if (after) {
    const [store, day, ...keys] = after;
    const from = param(store);
    outer.push(`s.id >= ${from}`);
    const tuple = [from, `${param(day)}::date`, ...keys.map(param)];
    inner.push(`(p.store_id, p.day, ${keyColumns.join(', ')}) > (${tuple.join(', ')})`);
  }
  const limitParam = param(limit);
  const fields = [
    `p.store_id AS "storeId"`,
    `p.day::text AS day`,
    ...report.keys.map(([column, field]) => `p.${column} AS "${field}"`),
    ...report.values.map(([sql, field]) => `${sql} AS "${field}"`),
  ];
  const rowOrder = ['day', ...report.keys.map(([, field]) => `"${field}"`)];
  const text = `
    SELECT r.* FROM stores s
    CROSS JOIN LATERAL (
      SELECT ${fields.join(', ')} FROM ${report.table} p
       WHERE ${inner.join(' AND ')}
       ORDER BY p.day, ${keyColumns.join(', ')} LIMIT ${limitParam}
    ) r
    ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
    ORDER BY s.id, ${rowOrder.map((column) => `r.${column}`).join(', ')}
    LIMIT ${limitParam}`;
  return { text, values };
}

export async function reportPage<Row extends { storeId: string; day: string }>(
  pool: Pool,
  report: RollupReport,
  filters: ReportFilters,
  after: string | undefined,
  limit: number,
): Promise<{ rows: Row[]; next: string | null }> {
  const cursor = after === undefined ? undefined : decodeCursor(report, after);
  const result = await pool.query<Row>(reportPageQuery(report, filters, cursor, limit));
  const rows = result.rows;
  const last = rows.at(-1) as (Row & Record<string, unknown>) | undefined;
  const next =
    last && rows.length === limit
      ? encodeCursor([last.storeId, last.day, ...report.keys.map(([, f]) => String(last[f]))])
      : null;
  return { rows, next };
}
