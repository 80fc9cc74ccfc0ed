// Questions the stores' assistants could not answer well, counted per store, local day, language
// and group (the question's stems, sorted: `key`), with the last wording seen as the sample. Written
// from the events insert's own rows (reports/rollups.ts), so a resend never counts twice; kept
// when the raw events are dropped.
import type { Migration } from '../db/migrations';

export const assistantMigrations: readonly Migration[] = [
  {
    id: 'assistant-0001-unanswered-questions',
    sql: `
      CREATE TABLE questions_daily (
        store_id text NOT NULL,
        day date NOT NULL,
        lang text NOT NULL CHECK (lang IN ('fr', 'en')),
        key text NOT NULL,
        sample text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (store_id, day, lang, key)
      );
      -- The chain's groups over a range of days without walking every store.
      CREATE INDEX questions_daily_by_day ON questions_daily (day, lang, key);
      -- The FAQ entries head office answered a group with: the group drops off the list.
      CREATE TABLE answered_questions (
        lang text NOT NULL,
        key text NOT NULL,
        faq_id text NOT NULL,
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lang, key)
      )`,
  },
];
