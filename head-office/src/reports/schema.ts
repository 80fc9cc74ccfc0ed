// The daily rollups head office's reports read (plan §4, risk 9): one row per store and local day
// (the store's own time zone) and what is counted. They are written only from the rows an events
// insert actually stored (rollups.ts), in its transaction, so a resend never counts twice; raw
// events are dropped after the retention, these stay.
import type { Migration } from '../db/migrations';

export const reportsMigrations: readonly Migration[] = [
  {
    id: 'reports-0001-daily-rollups',
    sql: `
      -- Finished plays per campaign and media item (a play counts at its end; an interrupted
      -- one is counted apart, its time kept).
      CREATE TABLE pop_daily (
        store_id text NOT NULL,
        day date NOT NULL,
        campaign_id text NOT NULL,
        item_id text NOT NULL,
        plays integer NOT NULL,
        interrupted integer NOT NULL,
        played_ms bigint NOT NULL,
        PRIMARY KEY (store_id, day, campaign_id, item_id)
      );
      -- A campaign's plays across the chain without walking every store's other campaigns.
      CREATE INDEX pop_daily_campaign ON pop_daily (campaign_id, store_id, day);
      -- The same per screen: which screen of a store played, and how much.
      CREATE TABLE pop_screen_daily (
        store_id text NOT NULL,
        day date NOT NULL,
        device_id text NOT NULL,
        plays integer NOT NULL,
        interrupted integer NOT NULL,
        played_ms bigint NOT NULL,
        PRIMARY KEY (store_id, day, device_id)
      );
      -- Likes and smileys per target and product ('' when the feedback names none).
      CREATE TABLE feedback_daily (
        store_id text NOT NULL,
        day date NOT NULL,
        target text NOT NULL,
        product_id text NOT NULL,
        likes integer NOT NULL,
        dislikes integer NOT NULL,
        green integer NOT NULL,
        orange integer NOT NULL,
        red integer NOT NULL,
        PRIMARY KEY (store_id, day, target, product_id)
      );
      CREATE TABLE requests_daily (
        store_id text NOT NULL,
        day date NOT NULL,
        type text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (store_id, day, type)
      );
      -- Reports walk the stores in id order, a region's alone when asked.
      CREATE INDEX stores_region_id ON stores (region_id, id)`,
  },
];
