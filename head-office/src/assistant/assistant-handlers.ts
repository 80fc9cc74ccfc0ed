// The handlers of head office's `assistant` routes: the questions the stores' assistants could
// not answer well, grouped across stores; the chain's FAQ; and an answer written here, committed
// with its link message (the chain's catalogue delta) so every store gets it, in order.
import { FaqEntry } from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import { writeChainImport } from '../catalogue/write-chain';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import type { HqHandlers } from '../http/register-api';
import { mergeSimilar, type ExactGroup } from './similar-questions';

const NO_PRICES = { upserts: [], deletes: [], lines: new Map() };

// A group answered at head office leaves the list; asked again on a later day (the answer did
// not help), it comes back with the later days' counts. "Later" is on each store's calendar, as
// its days are: answered at 23:30 UTC, a Paris store's questions of that night are answered too.
const UNANSWERED = `
  WITH per_store AS (
    SELECT lang, key, store_id, sum(n)::int AS n, max(day) AS last_day,
           (array_agg(sample ORDER BY day DESC))[1] AS sample
      FROM questions_daily q
     WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR lang = $3)
       AND NOT EXISTS (SELECT 1 FROM answered_questions a JOIN stores s ON s.id = q.store_id
                        WHERE a.lang = q.lang AND a.key = q.key
                          AND q.day <= (a.answered_at AT TIME ZONE s.time_zone)::date)
     GROUP BY lang, key, store_id)
  SELECT lang, key, (array_agg(sample ORDER BY last_day DESC))[1] AS sample,
         sum(n)::int AS count, to_char(max(last_day), 'YYYY-MM-DD') AS last_day,
         json_agg(json_build_object('storeId', store_id, 'count', n) ORDER BY n DESC, store_id)
           AS stores
    FROM per_store GROUP BY lang, key ORDER BY count DESC, key LIMIT $4`;

type Row = Omit<ExactGroup, 'lastDay'> & { last_day: string };
/** Exact groups read per group listed, for merging similar ones (bounded). */
const READ_PER_GROUP = 4;
const MAX_READ = 800;

export function assistantHandlers(pool: Pool, log: Logger): HqHandlers['assistant'] {
  return {
    unanswered: async ({ query }) => {
      const result = await pool.query<Row>(UNANSWERED, [
        query.from,
        query.to,
        query.lang ?? null,
        Math.min(query.limit * READ_PER_GROUP, MAX_READ),
      ]);
      const exact = result.rows.map(({ last_day, ...group }) => ({ ...group, lastDay: last_day }));
      return { groups: mergeSimilar(exact, query.limit) };
    },
    faq: async () => {
      const result = await pool.query<{ body: string }>(
        `SELECT body FROM catalogue_docs WHERE collection = 'faq' ORDER BY id`,
      );
      return { entries: result.rows.map((row) => FaqEntry.parse(JSON.parse(row.body))) };
    },
    putFaq: async ({ params, body }) => {
      if (body.entry.id !== params.id)
        throw new HttpError(400, 'id_mismatch', `the answer's id is not ${params.id}`);
      await inTransaction(pool, async (client) => {
        await writeChainImport(
          client,
          [{ c: 'faq', id: params.id, body: JSON.stringify(body.entry) }],
          NO_PRICES,
        );
        for (const answered of body.answers)
          await client.query(
            `INSERT INTO answered_questions (lang, key, faq_id) VALUES ($1, $2, $3)
             ON CONFLICT (lang, key) DO UPDATE SET faq_id = excluded.faq_id, answered_at = now()`,
            [answered.lang, answered.key, params.id],
          );
      });
      log.info({ faq: params.id, groups: body.answers.length }, 'answer written for every store');
      return body.entry;
    },
  };
}
