// The daily rollups, as common table expressions an events insert appends to its own statement
// (plan §3.5 step 3). They read `ins`, the RETURNING of that insert: only the rows stored now,
// never one the primary key absorbed, so exactly once carries over from the events to the
// reports. The day is the event's own time (`at`) in its store's time zone (plan §3.7).
// `$1` is the store id. Keys are upserted in order, so two head-office processes adding to the
// same store's rows take their row locks in the same order.

const LOCAL = `
  local_ins AS (
    SELECT i.device_id, i.kind, i.payload, (i.at AT TIME ZONE s.time_zone)::date AS day
      FROM ins i JOIN stores s ON s.id = $1
  ),
  plays AS (
    SELECT day, device_id, payload->>'campaignId' AS campaign_id, payload->>'itemId' AS item_id,
           CASE WHEN (payload->>'interrupted')::boolean THEN 0 ELSE 1 END AS finished,
           coalesce((payload->>'durationMs')::bigint, 0) AS ms
      FROM local_ins WHERE kind = 'proof-of-play' AND payload->>'phase' = 'end'
  )`;

const POP = `
  pop_rollup AS (
    INSERT INTO pop_daily AS r (store_id, day, campaign_id, item_id, plays, interrupted, played_ms)
    SELECT $1, day, campaign_id, item_id, sum(finished), sum(1 - finished), sum(ms)
      FROM plays GROUP BY day, campaign_id, item_id ORDER BY day, campaign_id, item_id
    ON CONFLICT (store_id, day, campaign_id, item_id) DO UPDATE
      SET plays = r.plays + excluded.plays, interrupted = r.interrupted + excluded.interrupted,
          played_ms = r.played_ms + excluded.played_ms
  ),
  screen_rollup AS (
    INSERT INTO pop_screen_daily AS r (store_id, day, device_id, plays, interrupted, played_ms)
    SELECT $1, day, device_id, sum(finished), sum(1 - finished), sum(ms)
      FROM plays GROUP BY day, device_id ORDER BY day, device_id
    ON CONFLICT (store_id, day, device_id) DO UPDATE
      SET plays = r.plays + excluded.plays, interrupted = r.interrupted + excluded.interrupted,
          played_ms = r.played_ms + excluded.played_ms
  )`;

const FEEDBACK = `
  feedback_rollup AS (
    INSERT INTO feedback_daily AS r (store_id, day, target, product_id, likes, dislikes, green,
                                     orange, red)
    SELECT $1, day, payload->>'target', coalesce(payload->>'productId', ''),
           count(*) FILTER (WHERE payload->>'value' = 'like'),
           count(*) FILTER (WHERE payload->>'value' = 'dislike'),
           count(*) FILTER (WHERE payload->>'value' = 'green'),
           count(*) FILTER (WHERE payload->>'value' = 'orange'),
           count(*) FILTER (WHERE payload->>'value' = 'red')
      FROM local_ins WHERE kind = 'feedback'
     GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (store_id, day, target, product_id) DO UPDATE
      SET likes = r.likes + excluded.likes, dislikes = r.dislikes + excluded.dislikes,
          green = r.green + excluded.green, orange = r.orange + excluded.orange,
          red = r.red + excluded.red
  )`;

const REQUESTS = `
  requests_rollup AS (
    INSERT INTO requests_daily AS r (store_id, day, type, n)
    SELECT $1, day, payload->>'type', count(*)
      FROM local_ins WHERE kind = 'request' GROUP BY 2, 3 ORDER BY 2, 3
    ON CONFLICT (store_id, day, type) DO UPDATE SET n = r.n + excluded.n
  )`;

const QUESTIONS = `
  questions_rollup AS (
    INSERT INTO questions_daily AS r (store_id, day, lang, key, sample, n)
    SELECT $1, day, payload->>'lang', payload->>'key', max(payload->>'question'), count(*)
      FROM local_ins WHERE kind = 'question' GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (store_id, day, lang, key) DO UPDATE
      SET n = r.n + excluded.n, sample = excluded.sample
  )`;

// A store's day is a snapshot, not a sum: the latest of the batch per day, kept only if it is
// not older than the one held (a resend or a delayed older snapshot changes nothing).
const FIGURES = `
  figures_in AS (
    SELECT DISTINCT ON (day) day, at, payload->'figures' AS f
      FROM (SELECT (payload->'figures'->>'date')::date AS day, at, payload
              FROM ins WHERE kind = 'figures') x
     ORDER BY day, at DESC
  ),
  figures_rollup AS (
    INSERT INTO store_days AS r (store_id, day, visitors, transactions, revenue, currency, plays,
                                 plays_with_people, requests, requests_answered, low_ratings,
                                 unanswered, counter_flags, campaigns, promoted, figures, sent_at)
    SELECT $1, day, (f->'totals'->>'visitors')::int, (f->'totals'->>'transactions')::int,
           (f->'totals'->>'revenue')::bigint, f->>'currency', (f->'totals'->>'plays')::int,
           (f->'totals'->>'playsWithPeople')::int, (f->'totals'->>'requests')::int,
           (f->'totals'->>'requestsAnswered')::int, (f->'totals'->>'lowRatings')::int,
           (f->'totals'->>'unansweredQuestions')::int, jsonb_array_length(f->'flags'),
           f->'campaigns', f->'promoted', f, at
      FROM figures_in ORDER BY day
    ON CONFLICT (store_id, day) DO UPDATE
      SET visitors = excluded.visitors, transactions = excluded.transactions,
          revenue = excluded.revenue, currency = excluded.currency, plays = excluded.plays,
          plays_with_people = excluded.plays_with_people, requests = excluded.requests,
          requests_answered = excluded.requests_answered, low_ratings = excluded.low_ratings,
          unanswered = excluded.unanswered, counter_flags = excluded.counter_flags,
          campaigns = excluded.campaigns,
          promoted = excluded.promoted, figures = excluded.figures, sent_at = excluded.sent_at
      WHERE excluded.sent_at >= r.sent_at
  )`;

/**
 * What follows `WITH ins AS (INSERT INTO events … RETURNING device_id, kind, at, payload),`:
 * data-modifying expressions run once, to completion, whether or not the main query reads them.
 */
export const ROLLUPS_FROM_INS = [LOCAL, POP, FEEDBACK, REQUESTS, QUESTIONS, FIGURES].join(',');
