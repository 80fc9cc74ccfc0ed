// Head office → stores, in order and exactly once (plan §3.4): a change and its link message are
// written in one transaction (link_outbox); the publisher gives each row the next revision of its
// head (link_heads) and stores it in the row before publishing, so a resend is the same message.
import type { Migration } from '../db/migrations';

export const outboxMigrations: readonly Migration[] = [
  {
    // `head` is linkHeadKey's: 'chain' or 'store:<id>'. `chunks_left`: set on every chunk of a
    // change sent in several, how many of its chunks follow this one (atomicUntil = rev + it).
    // `stream_seq`: where JetStream stored it, for a snapshot's start sequence.
    id: 'outbox-0001-link-outbox',
    sql: `
      CREATE TABLE link_outbox (
        id bigserial PRIMARY KEY,
        stream text NOT NULL CHECK (stream IN ('HQ_CHAIN', 'HQ_STORES')),
        head text NOT NULL CHECK (head = 'chain' OR head ~ '^store:[A-Za-z0-9_-]{1,64}$'),
        subject text NOT NULL,
        kind text NOT NULL,
        body jsonb NOT NULL,
        chunks_left integer CHECK (chunks_left >= 0),
        rev bigint CHECK (rev > 0),
        stream_seq bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (head, rev),
        CHECK (published_at IS NULL OR rev IS NOT NULL)
      );
      CREATE INDEX link_outbox_unpublished ON link_outbox (id) WHERE published_at IS NULL;
      CREATE TABLE link_heads (
        key text PRIMARY KEY,
        rev bigint NOT NULL DEFAULT 0 CHECK (rev >= 0)
      );
      -- Wakes the publisher at commit (one notification per transaction: PostgreSQL folds them).
      CREATE FUNCTION link_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('link_outbox', ''); RETURN NULL; END $$;
      CREATE TRIGGER link_outbox_inserted AFTER INSERT ON link_outbox
        FOR EACH STATEMENT EXECUTE FUNCTION link_outbox_notify()`,
  },
];

/** The channel the publisher LISTENs on. */
export const OUTBOX_CHANNEL = 'link_outbox';
