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
  {
    id: '601-loyalty-points',
    sql: `
    -- Points each redemption credits to its member (what the basket paid, plus
    -- the bonus of multiplier perks). Append-only like the ledger: a member's
    -- balance is the points on their record plus the sum of these rows.
    CREATE TABLE loyalty_points (
      redemption_id TEXT PRIMARY KEY REFERENCES loyalty_redemptions (id),
      member_id TEXT NOT NULL,
      points INTEGER NOT NULL CHECK (points >= 0),
      at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX loyalty_points_by_member ON loyalty_points (member_id);
    CREATE TRIGGER loyalty_points_append_only_u BEFORE UPDATE ON loyalty_points
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    CREATE TRIGGER loyalty_points_append_only_d BEFORE DELETE ON loyalty_points
      BEGIN SELECT RAISE(ABORT, 'loyalty ledger is append-only'); END;
    `,
  },
];
