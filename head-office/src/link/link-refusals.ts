// The stores' refusals at head office (`link_refusals`): recorded from `req.refused`, listed for
// the console newest first by keyset (the id), optionally for one store.
import { HQ_LINK_REFUSALS_PAGE, type HqLinkRefusal } from '@vitrine/shared/core';
import type { Pool } from '../db/pool';

export type NewRefusal = { storeId: string; subject: string; rev?: number; reason: string };

export async function recordRefusal(pool: Pool, refusal: NewRefusal): Promise<number> {
  const result = await pool.query<{ id: string }>(
    `INSERT INTO link_refusals (store_id, subject, rev, reason) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [refusal.storeId, refusal.subject, refusal.rev ?? null, refusal.reason],
  );
  return Number(result.rows[0]!.id);
}

type RefusalRow = {
  id: string;
  store_id: string;
  subject: string;
  rev: string | null;
  reason: string;
  at: Date;
};

export async function listRefusals(
  pool: Pool,
  page: { before?: number | undefined; store?: string | undefined },
): Promise<{ refusals: HqLinkRefusal[]; next: number | null }> {
  const result = await pool.query<RefusalRow>(
    `SELECT id, store_id, subject, rev, reason, at FROM link_refusals
      WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR store_id = $2)
      ORDER BY id DESC LIMIT $3`,
    [page.before ?? null, page.store ?? null, HQ_LINK_REFUSALS_PAGE],
  );
  const refusals = result.rows.map((row) => ({
    id: Number(row.id),
    storeId: row.store_id,
    subject: row.subject,
    rev: row.rev === null ? null : Number(row.rev),
    reason: row.reason,
    at: row.at.toISOString(),
  }));
  const last = refusals.at(-1);
  return { refusals, next: refusals.length === HQ_LINK_REFUSALS_PAGE && last ? last.id : null };
}
