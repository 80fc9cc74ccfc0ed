// Head office's insights routes: stores and regions compared over a range of their local days,
// summed from each store's latest figures per day (store_days), and one store's day as it sent
// it. Stores are walked in id order through the primary key; a region's currency stays apart.
import { z } from 'zod';
import { DayFigures, daysBetween, impactWindows } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { HqHandlers } from '../http/register-api';

type Totals = {
  days: number;
  visitors: number;
  transactions: number;
  revenue: number | null;
  currency: string;
  plays: number;
  playsWithPeople: number;
  requests: number;
  requestsAnswered: number;
  lowRatings: number;
  unansweredQuestions: number;
  counterFlags: number;
};

/** The sums every comparison reads; revenue only when every day had the till's amounts. */
const SUMS = `
  count(d.day)::int AS days,
  coalesce(sum(d.visitors), 0)::int AS visitors,
  coalesce(sum(d.transactions), 0)::int AS transactions,
  CASE WHEN count(d.day) > 0 AND count(d.day) = count(d.revenue) THEN sum(d.revenue)::float8 END AS revenue,
  coalesce(sum(d.plays), 0)::int AS plays,
  coalesce(sum(d.plays_with_people), 0)::int AS "playsWithPeople",
  coalesce(sum(d.requests), 0)::int AS requests,
  coalesce(sum(d.requests_answered), 0)::int AS "requestsAnswered",
  coalesce(sum(d.low_ratings), 0)::int AS "lowRatings",
  coalesce(sum(d.unanswered), 0)::int AS "unansweredQuestions",
  coalesce(sum(d.counter_flags), 0)::int AS "counterFlags"`;

const STORES = `
  SELECT s.id AS "storeId", s.name, s.region_id AS "regionId", s.currency, ${SUMS}
    FROM stores s
    LEFT JOIN store_days d ON d.store_id = s.id AND d.day BETWEEN $1 AND $2
   WHERE ($3::text IS NULL OR s.region_id = $3) AND ($4::text IS NULL OR s.id > $4)
   GROUP BY s.id ORDER BY s.id LIMIT $5`;

const REGIONS = `
  SELECT s.region_id AS "regionId", s.currency, count(DISTINCT s.id)::int AS stores, ${SUMS}
    FROM stores s
    LEFT JOIN store_days d ON d.store_id = s.id AND d.day BETWEEN $1 AND $2
   WHERE ($3::text IS NULL OR s.region_id = $3)
   GROUP BY s.region_id, s.currency ORDER BY s.region_id NULLS LAST, s.currency`;

const withRatios = <T extends Totals>(row: T) => ({
  ...row,
  conversion: row.visitors > 0 ? row.transactions / row.visitors : null,
  averageBasket:
    row.revenue !== null && row.transactions > 0 ? row.revenue / row.transactions : null,
});

/** What head office reads of a campaign: its name, schedule and product cards. */
const CampaignOfInterest = z.looseObject({
  name: z.string(),
  schedule: z.looseObject({ startDate: z.string(), endDate: z.string().optional() }),
  playlists: z.array(
    z.looseObject({
      items: z.array(z.looseObject({ kind: z.string(), productId: z.string().optional() })),
    }),
  ),
});

/** A window's sums over the stores of one currency, from the days they sent. */
const WINDOW = `
  SELECT coalesce(sum(d.visitors), 0)::int AS visitors,
         coalesce(sum((SELECT sum((c->>'plays')::int) FROM jsonb_array_elements(d.campaigns) c
                        WHERE c->>'campaignId' = $3)), 0)::int AS plays,
         coalesce(sum((SELECT sum((p->>'units')::int) FROM jsonb_array_elements(d.promoted) p
                        WHERE p->>'productId' = ANY($4))), 0)::int AS units,
         coalesce(sum((SELECT sum((p->>'revenue')::bigint) FROM jsonb_array_elements(d.promoted) p
                        WHERE p->>'productId' = ANY($4))), 0)::float8 AS revenue
    FROM store_days d WHERE d.day BETWEEN $1 AND $2 AND d.currency = $5`;

export function insightsHandlers(pool: Pool): HqHandlers['insights'] {
  return {
    campaignImpact: async ({ params, query }) => {
      const found = await pool.query<{ body: unknown }>(
        'SELECT body FROM campaigns WHERE id = $1',
        [params.id],
      );
      const parsed = CampaignOfInterest.safeParse(found.rows[0]?.body);
      if (!parsed.success) throw new HttpError(404, 'no_campaign', `no campaign ${params.id}`);
      const campaign = parsed.data;
      const products = [
        ...new Set(
          campaign.playlists.flatMap((playlist) =>
            playlist.items.flatMap((item) =>
              item.kind === 'product' && item.productId ? [item.productId] : [],
            ),
          ),
        ),
      ];
      const today = new Date().toISOString().slice(0, 10);
      const windows = [];
      for (const window of impactWindows(campaign.schedule, today)) {
        const sums = await pool.query<{
          visitors: number;
          plays: number;
          units: number;
          revenue: number;
        }>(WINDOW, [window.from, window.to, params.id, products, query.currency]);
        windows.push({
          ...window,
          days: daysBetween(window.from, window.to) + 1,
          ...sums.rows[0]!,
        });
      }
      return {
        campaignId: params.id,
        name: campaign.name,
        startDate: campaign.schedule.startDate,
        endDate: campaign.schedule.endDate ?? null,
        products,
        windows,
      };
    },
    stores: async ({ query }) => {
      const result = await pool.query<
        Totals & { storeId: string; name: string; regionId: string | null }
      >(STORES, [query.from, query.to, query.region ?? null, query.after ?? null, query.limit]);
      const rows = result.rows.map(withRatios);
      return { rows, next: rows.length === query.limit ? (rows.at(-1)?.storeId ?? null) : null };
    },
    regions: async ({ query }) => {
      const result = await pool.query<Totals & { regionId: string | null; stores: number }>(
        REGIONS,
        [query.from, query.to, query.region ?? null],
      );
      return { rows: result.rows.map(withRatios) };
    },
    storeDay: async ({ params }) => {
      const result = await pool.query<{ figures: unknown }>(
        'SELECT figures FROM store_days WHERE store_id = $1 AND day = $2',
        [params.id, params.date],
      );
      const row = result.rows[0];
      if (!row)
        throw new HttpError(
          404,
          'no_figures',
          `${params.id} has sent no figures for ${params.date}`,
        );
      return DayFigures.parse(row.figures);
    },
  };
}
