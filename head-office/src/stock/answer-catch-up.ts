// A store missed some of a neighbour's stock (a gap in storeSeq, a reconnection, a new
// neighbour): head office answers one page of `store_stock` after the storeSeq it holds, by the
// (store_id, store_seq) index, and only for a store configured as the asking store's neighbour
// (the same rule its NATS permissions follow for the live subject).
import type { Pool } from 'pg';
import { LINK_VERSION, type LinkReply, type LinkRequest } from '@vitrine/shared/core';
import { LinkRequestError } from '../link/request-error';

/** Lines per page: ~120 bytes of JSON each, so a reply stays well under the link's 1 MB. */
const CATCH_UP_PAGE_LINES = 4_000;

type Row = {
  product_id: string;
  variant_id: string;
  units: number;
  aisle: string | null;
  store_seq: string;
  confirmed_at: Date;
};

export async function answerStockCatchUp(
  pool: Pool,
  storeId: string,
  request: LinkRequest<'stock-catch-up'>,
  pageLines = CATCH_UP_PAGE_LINES,
): Promise<LinkReply<'stock-catch-up'>> {
  const { neighbour, afterSeq } = request;
  const configured = await pool.query(
    'SELECT 1 FROM store_neighbours WHERE store_id = $1 AND neighbour_id = $2',
    [storeId, neighbour],
  );
  if (configured.rowCount === 0)
    throw new LinkRequestError(`store ${neighbour} is not a neighbour of store ${storeId}`);
  const head = await pool.query<{ store_seq: string; confirmed_at: Date }>(
    'SELECT store_seq, confirmed_at FROM store_stock_heads WHERE store_id = $1',
    [neighbour],
  );
  const headSeq = Number(head.rows[0]?.store_seq ?? 0);
  const confirmedAt = head.rows[0]?.confirmed_at.toISOString();
  const rows = (
    await pool.query<Row>(
      `SELECT product_id, variant_id, units, aisle, store_seq, confirmed_at FROM store_stock
       WHERE store_id = $1 AND store_seq > $2 AND store_seq <= $3
       ORDER BY store_seq, product_id, variant_id LIMIT $4`,
      [neighbour, afterSeq, headSeq, pageLines],
    )
  ).rows;
  // A full page may end inside one batch: it then covers only the batches before that one.
  let untilSeq = headSeq;
  let page = rows;
  if (rows.length === pageLines) {
    const last = Number(rows.at(-1)!.store_seq);
    page = rows.filter((row) => Number(row.store_seq) < last);
    untilSeq = last - 1;
    // One batch alone fills the page (not with the store's batches of ≤ 2,000 lines): send it whole.
    if (page.length === 0) {
      page = (
        await pool.query<Row>(
          `SELECT product_id, variant_id, units, aisle, store_seq, confirmed_at FROM store_stock
           WHERE store_id = $1 AND store_seq = $2 ORDER BY product_id, variant_id`,
          [neighbour, last],
        )
      ).rows;
      untilSeq = last;
    }
  }
  return {
    v: LINK_VERSION,
    type: 'stock-catch-up',
    neighbour,
    lines: page.map((row) => ({
      productId: row.product_id,
      variantId: row.variant_id,
      units: row.units,
      ...(row.aisle === null ? {} : { aisle: row.aisle }),
      storeSeq: Number(row.store_seq),
      confirmedAt: row.confirmed_at.toISOString(),
    })),
    untilSeq: Math.max(untilSeq, afterSeq),
    headSeq,
    ...(confirmedAt === undefined ? {} : { confirmedAt }),
  };
}
