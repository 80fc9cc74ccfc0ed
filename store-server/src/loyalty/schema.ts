import type { Migration } from '../db/migrations';

export const loyaltyMigrations: Migration[] = [
  {
    id: '600-loyalty-ledger',
    sql: `
    -- Append-only ledger of redemptions. The idempotency key makes a retried
    -- till action answer the first result; perk_uses' primary key makes a perk
    -- usable once per member whichever console asks first.
    CREATE TABLE loyalty_redemptions (
      id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      request_hash TEXT NOT NULL,
      member_id TEXT NOT NULL,
      perk_ids TEXT NOT NULL,
      discount_cents INTEGER NOT NULL,
      bonus_points INTEGER NOT NULL,
      staff_user_id TEXT NOT NULL,
      at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX loyalty_redemptions_by_member ON loyalty_redemptions (member_id, at);
    CREATE TABLE loyalty_perk_uses (
      member_id TEXT NOT NULL,
      perk_id TEXT NOT NULL,
      redemption_id TEXT NOT NULL REFERENCES loyalty_redemptions (id),
      PRIMARY KEY (member_id, perk_id)
    ) WITHOUT ROWID;
    CREATE TRIGGER loyalty_redemptions_append_only_u BEFORE UPDATE ON loyalty_redemptions
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    CREATE TRIGGER loyalty_redemptions_append_only_d BEFORE DELETE ON loyalty_redemptions
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    CREATE TRIGGER loyalty_perk_uses_append_only_u BEFORE UPDATE ON loyalty_perk_uses
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    CREATE TRIGGER loyalty_perk_uses_append_only_d BEFORE DELETE ON loyalty_perk_uses
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    -- Members are found by the code on their card.
    CREATE INDEX private_docs_member_card ON private_docs (json_extract(body, '$.cardCode'))
      WHERE collection = 'members';
    `,
  },
];
