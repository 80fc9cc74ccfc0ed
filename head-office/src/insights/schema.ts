// Each store's figures per local day, as the store computed them (store-server/src/insights):
// the latest snapshot stands (`sent_at`), so a resend or a late correction replaces, never adds.
// The totals are columns for reports across stores; the hours, zones and flags stay in `figures`.
// A day older than no report reads is never removed: a year of 5,000 stores is 1.8M rows.
import type { Migration } from '../db/migrations';

export const insightsMigrations: readonly Migration[] = [
  {
    id: 'insights-0001-store-days',
    sql: `
      CREATE TABLE store_days (
        store_id text NOT NULL,
        day date NOT NULL,
        visitors integer NOT NULL,
        transactions integer NOT NULL,
        revenue bigint,
        currency text NOT NULL,
        plays integer NOT NULL,
        plays_with_people integer NOT NULL,
        requests integer NOT NULL,
        requests_answered integer NOT NULL,
        low_ratings integer NOT NULL,
        unanswered integer NOT NULL,
        -- What was wrong with the store's people counters that day (the flags' count).
        counter_flags integer NOT NULL,
        -- Plays per campaign and sales of the campaigns' products: small, read by the
        -- campaign-effect sums without reading the whole day.
        campaigns jsonb NOT NULL,
        promoted jsonb NOT NULL,
        figures jsonb NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (store_id, day)
      )`,
  },
];
