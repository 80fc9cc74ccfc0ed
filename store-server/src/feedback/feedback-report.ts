// What shoppers think, per day, product and store: likes and dislikes on
// product pages, smileys after a staff member's help and after an expert call,
// and review ratings. Read from the events the outbox delivered exactly once,
// the calls' own ratings (they carry the call's product) and the reviews.
import type { FeedbackQuery, FeedbackRow, FeedbackSource } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { csvCell } from '../proof-of-play/pop-report';

export { type FeedbackRow } from '@vitrine/shared/core';

type Counted = Omit<FeedbackRow, 'storeId' | 'low'>;

/** The rule that flags a row for head office to look at. */
export function isLow(row: Counted): boolean {
  return (
    row.red > 0 ||
    (row.dislikes > 0 && row.dislikes > row.likes) ||
    (row.reviewAverage !== null && row.reviewAverage <= 2.5)
  );
}

const NAME = `(SELECT json_extract(p.body, '$.name.fr') FROM sync_docs p
  WHERE p.collection = 'products' AND p.id = productId)`;

export function feedbackReport(db: Db, storeId: string, query: FeedbackQuery): FeedbackRow[] {
  const from = query.from ?? '0000';
  const to = query.to ?? '9999';
  // Call smileys are read from the calls (which know the product), not from
  // their duplicate feedback events.
  const sql = `
    WITH counted AS (
      SELECT substr(at, 1, 10) AS day,
             json_extract(payload, '$.target') AS source,
             json_extract(payload, '$.productId') AS productId,
             json_extract(payload, '$.value') AS value, NULL AS rating
      FROM events
      WHERE kind = 'feedback' AND json_extract(payload, '$.target') IN ('product', 'help', 'look')
        AND at >= ? AND at < ?
      UNION ALL
      SELECT substr(ended_at, 1, 10), 'call', product_id, rating, NULL
      FROM calls WHERE rating IS NOT NULL AND ended_at >= ? AND ended_at < ?
      UNION ALL
      SELECT json_extract(r.value, '$.date'), 'review', d.id, NULL, json_extract(r.value, '$.rating')
      FROM sync_docs d, json_each(d.body, '$.reviews') r
      WHERE d.collection = 'reviews' AND d.deleted = 0
        AND json_extract(r.value, '$.date') >= substr(?, 1, 10)
        AND json_extract(r.value, '$.date') < substr(?, 1, 10)
    )
    SELECT day, CASE source WHEN 'look' THEN 'product' ELSE source END AS source, productId,
           ${NAME} AS productName,
           SUM(value = 'like') AS likes, SUM(value = 'dislike') AS dislikes,
           SUM(value = 'green') AS green, SUM(value = 'orange') AS orange, SUM(value = 'red') AS red,
           COUNT(rating) AS reviews, SUM(rating >= 4) AS reviewsPositive,
           SUM(rating <= 2) AS reviewsNegative, AVG(rating) AS reviewAverage
    FROM counted
    GROUP BY day, 2, productId
    ORDER BY day, 2, productId`;
  // SUM over no matching rows is NULL in SQLite.
  type Raw = { [K in keyof Counted]: Counted[K] | null } & { source: FeedbackSource };
  const rows = db.prepare(sql).all(from, to, from, to, from, to) as Raw[];
  return rows
    .map((row) => {
      const counted: Counted = {
        day: row.day ?? '',
        source: row.source,
        productId: row.productId ?? null,
        productName: row.productName ?? null,
        likes: row.likes ?? 0,
        dislikes: row.dislikes ?? 0,
        green: row.green ?? 0,
        orange: row.orange ?? 0,
        red: row.red ?? 0,
        reviews: row.reviews ?? 0,
        reviewsPositive: row.reviewsPositive ?? 0,
        reviewsNegative: row.reviewsNegative ?? 0,
        reviewAverage:
          row.reviewAverage === null ? null : Math.round(row.reviewAverage * 100) / 100,
      };
      return { ...counted, storeId, low: isLow(counted) };
    })
    .filter((row) => query.low !== 'true' || row.low);
}

export function feedbackCsv(rows: FeedbackRow[]): string {
  const header = [
    'day',
    'store',
    'source',
    'product_id',
    'product',
    'likes',
    'dislikes',
    'smiley_green',
    'smiley_orange',
    'smiley_red',
    'reviews',
    'reviews_4_5',
    'reviews_1_2',
    'review_average',
    'low',
  ];
  const lines = rows.map((row) =>
    [
      row.day,
      row.storeId,
      row.source,
      row.productId ?? '',
      row.productName ?? '',
      row.likes,
      row.dislikes,
      row.green,
      row.orange,
      row.red,
      row.reviews,
      row.reviewsPositive,
      row.reviewsNegative,
      row.reviewAverage ?? '',
      row.low ? 'yes' : 'no',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
