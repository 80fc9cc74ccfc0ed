// The reports head office serves, each a daily rollup read by report-page.ts.
import type { RollupReport } from './report-page';

const PLAYED = [
  ['p.plays', 'plays'],
  ['p.interrupted', 'interrupted'],
  ['p.played_ms::float8', 'playedMs'],
] as const;

export const PLAYS: RollupReport = {
  table: 'pop_daily',
  keys: [
    ['campaign_id', 'campaignId'],
    ['item_id', 'itemId'],
  ],
  values: PLAYED,
};

export const SCREEN_PLAYS: RollupReport = {
  table: 'pop_screen_daily',
  keys: [['device_id', 'deviceId']],
  values: PLAYED,
};

export const FEEDBACK: RollupReport = {
  table: 'feedback_daily',
  keys: [
    ['target', 'target'],
    ['product_id', 'productId'],
  ],
  values: [
    ['p.likes', 'likes'],
    ['p.dislikes', 'dislikes'],
    ['p.green', 'green'],
    ['p.orange', 'orange'],
    ['p.red', 'red'],
  ],
};

export const REQUESTS: RollupReport = {
  table: 'requests_daily',
  keys: [['type', 'type']],
  values: [['p.n', 'n']],
};
