// The handlers of head office's `reports` routes (admin token), over the daily rollups.
import type {
  HqFeedbackRow,
  HqPlaysRow,
  HqRequestsRow,
  HqScreenPlaysRow,
} from '@vitrine/shared/core';
import type { Pool } from '../db/pool';
import type { HqHandlers } from '../http/register-api';
import { playsByDay } from './plays-by-day';
import { reportPage } from './report-page';
import { FEEDBACK, PLAYS, REQUESTS, SCREEN_PLAYS } from './reports';

type Range = { from: string; to: string; store?: string; region?: string };
const filtersOf = ({ from, to, store, region }: Range) => ({ from, to, store, region });

export function reportHandlers(pool: Pool): HqHandlers['reports'] {
  return {
    plays: ({ query }) =>
      reportPage<HqPlaysRow>(
        pool,
        PLAYS,
        {
          ...filtersOf(query),
          equal: query.campaign === undefined ? {} : { campaign_id: query.campaign },
        },
        query.after,
        query.limit,
      ),
    playsByDay: ({ query }) =>
      playsByDay(pool, { ...filtersOf(query), campaign: query.campaign }, query.after, query.limit),
    screenPlays: ({ query }) =>
      reportPage<HqScreenPlaysRow>(pool, SCREEN_PLAYS, filtersOf(query), query.after, query.limit),
    feedback: async ({ query }) => {
      // '' in the rollup's key is "no product": null in the report.
      const page = await reportPage<Omit<HqFeedbackRow, 'productId'> & { productId: string }>(
        pool,
        FEEDBACK,
        filtersOf(query),
        query.after,
        query.limit,
      );
      return {
        next: page.next,
        rows: page.rows.map((row) => ({ ...row, productId: row.productId || null })),
      };
    },
    requests: ({ query }) =>
      reportPage<HqRequestsRow>(pool, REQUESTS, filtersOf(query), query.after, query.limit),
  };
}
