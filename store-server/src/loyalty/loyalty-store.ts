// Loyalty members and perks (server-only records) and the redemption ledger.
// Members' personal data is read here and answered to signed-in staff only.
import { createHash, randomUUID } from 'node:crypto';
import {
  MemberSummary,
  Perk,
  parseJson,
  type MemberView,
  type Receipt,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';

type LedgerRow = {
  id: string;
  request_hash: string;
  member_id: string;
  perk_ids: string;
  discount_cents: number;
  bonus_points: number;
  at: string;
};

export type RedemptionRecord = {
  idempotencyKey: string;
  requestHash: string;
  memberId: string;
  perkIds: string[];
  discountCents: number;
  bonusPoints: number;
  staffUserId: string;
};

export class LoyaltyStore {
  private readonly memberByCard;
  private readonly allPerks;
  private readonly usedPerks;
  private readonly byKey;
  private readonly insertRedemption;
  private readonly insertUse;

  constructor(private readonly db: Db) {
    this.memberByCard = db
      .prepare(
        `SELECT body FROM private_docs
         WHERE collection = 'members' AND json_extract(body, '$.cardCode') = ?`,
      )
      .pluck();
    this.allPerks = db
      .prepare(`SELECT body FROM private_docs WHERE collection = 'perks' ORDER BY id`)
      .pluck();
    this.usedPerks = db
      .prepare('SELECT perk_id FROM loyalty_perk_uses WHERE member_id = ? ORDER BY perk_id')
      .pluck();
    this.byKey = db.prepare('SELECT * FROM loyalty_redemptions WHERE idempotency_key = ?');
    this.insertRedemption = db.prepare(
      `INSERT INTO loyalty_redemptions
       (id, idempotency_key, request_hash, member_id, perk_ids, discount_cents, bonus_points, staff_user_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertUse = db.prepare(
      'INSERT INTO loyalty_perk_uses (member_id, perk_id, redemption_id) VALUES (?, ?, ?)',
    );
  }

  member(cardCode: string): MemberSummary | undefined {
    const body = this.memberByCard.get(cardCode.trim().toUpperCase()) as string | undefined;
    if (!body) return undefined;
    const parsed = parseJson(MemberSummary, body);
    return parsed.ok ? parsed.value : undefined;
  }

  perks(): Perk[] {
    return (this.allPerks.all() as string[]).flatMap((body) => {
      const parsed = parseJson(Perk, body);
      return parsed.ok ? [parsed.value] : [];
    });
  }

  redeemed(memberId: string): string[] {
    return this.usedPerks.all(memberId) as string[];
  }

  view(member: MemberSummary): MemberView {
    return { member, perks: this.perks(), redeemed: this.redeemed(member.id) };
  }

  /** The receipt already recorded under this key, with the hash of what was asked then. */
  byIdempotencyKey(key: string): { receipt: Receipt; requestHash: string } | undefined {
    const row = this.byKey.get(key) as LedgerRow | undefined;
    return row ? { receipt: toReceipt(row, true), requestHash: row.request_hash } : undefined;
  }

  /** Appends a redemption; the caller runs this inside its checking transaction. */
  append(record: RedemptionRecord): Receipt {
    const id = randomUUID();
    const at = new Date().toISOString();
    this.insertRedemption.run(
      id,
      record.idempotencyKey,
      record.requestHash,
      record.memberId,
      JSON.stringify(record.perkIds),
      record.discountCents,
      record.bonusPoints,
      record.staffUserId,
      at,
    );
    for (const perkId of record.perkIds) this.insertUse.run(record.memberId, perkId, id);
    return {
      redemptionId: id,
      memberId: record.memberId,
      perkIds: record.perkIds,
      discountCents: record.discountCents,
      bonusPoints: record.bonusPoints,
      at,
      replayed: false,
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

function toReceipt(row: LedgerRow, replayed: boolean): Receipt {
  return {
    redemptionId: row.id,
    memberId: row.member_id,
    perkIds: JSON.parse(row.perk_ids) as string[],
    discountCents: row.discount_cents,
    bonusPoints: row.bonus_points,
    at: row.at,
    replayed,
  };
}

/** A stable fingerprint of what a till asked, to spot a key reused for something else. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
