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
import { everyWord, registerFold, wordPatterns } from '../staff/folded-words';

type LedgerRow = {
  id: string;
  request_hash: string;
  member_id: string;
  perk_ids: string;
  discount_cents: number;
  bonus_points: number;
  at: string;
  points_earned: number | null;
};

export type RedemptionRecord = {
  idempotencyKey: string;
  requestHash: string;
  memberId: string;
  perkIds: string[];
  discountCents: number;
  bonusPoints: number;
  /** Credited to the member: what the basket paid, plus the bonus points. */
  pointsEarned: number;
  staffUserId: string;
};

export class LoyaltyStore {
  private readonly memberByCard;
  private readonly allPerks;
  private readonly usedPerks;
  private readonly byKey;
  private readonly insertRedemption;
  private readonly insertUse;
  private readonly insertPoints;
  private readonly creditedPoints;
  private readonly memberById;

  constructor(private readonly db: Db) {
    registerFold(db);
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
    this.byKey = db.prepare(
      `SELECT r.*, p.points AS points_earned FROM loyalty_redemptions r
       LEFT JOIN loyalty_points p ON p.redemption_id = r.id WHERE r.idempotency_key = ?`,
    );
    this.insertRedemption = db.prepare(
      `INSERT INTO loyalty_redemptions
       (id, idempotency_key, request_hash, member_id, perk_ids, discount_cents, bonus_points, staff_user_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertUse = db.prepare(
      'INSERT INTO loyalty_perk_uses (member_id, perk_id, redemption_id) VALUES (?, ?, ?)',
    );
    this.insertPoints = db.prepare(
      'INSERT INTO loyalty_points (redemption_id, member_id, points, at) VALUES (?, ?, ?, ?)',
    );
    this.memberById = db
      .prepare(`SELECT body FROM private_docs WHERE collection = 'members' AND id = ?`)
      .pluck();
    this.creditedPoints = db
      .prepare('SELECT COALESCE(SUM(points), 0) FROM loyalty_points WHERE member_id = ?')
      .pluck();
  }

  member(cardCode: string): MemberSummary | undefined {
    const body = this.memberByCard.get(cardCode.trim().toUpperCase()) as string | undefined;
    if (!body) return undefined;
    const parsed = parseJson(MemberSummary, body);
    return parsed.ok ? this.withCredit(parsed.value) : undefined;
  }

  /** The record holds the points from before this store's ledger; receipts add theirs. */
  private withCredit(member: MemberSummary): MemberSummary {
    return { ...member, points: member.points + this.credited(member.id) };
  }

  private credited(memberId: string): number {
    return this.creditedPoints.get(memberId) as number;
  }

  /** Members whose name has every word of the query, in any order (a forgotten card). */
  searchMembers(query: string, limit = 10): MemberSummary[] {
    const patterns = wordPatterns(query);
    if (patterns.length === 0) return [];
    const bodies = this.db
      .prepare(
        `SELECT body FROM private_docs WHERE collection = 'members'
         AND ${everyWord(`json_extract(body, '$.name')`, patterns.length)}
         ORDER BY json_extract(body, '$.name') LIMIT ?`,
      )
      .pluck()
      .all([...patterns, limit]) as string[];
    return bodies.flatMap((body) => {
      const parsed = parseJson(MemberSummary, body);
      return parsed.ok ? [this.withCredit(parsed.value)] : [];
    });
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
    if (!row) return undefined;
    const balance = this.memberPoints(row.member_id);
    return { receipt: toReceipt(row, balance), requestHash: row.request_hash };
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
    this.insertPoints.run(id, record.memberId, record.pointsEarned, at);
    return {
      redemptionId: id,
      memberId: record.memberId,
      perkIds: record.perkIds,
      discountCents: record.discountCents,
      bonusPoints: record.bonusPoints,
      pointsEarned: record.pointsEarned,
      pointsBalance: this.memberPoints(record.memberId),
      at,
      replayed: false,
    };
  }

  /** A member's balance by id: the record's points plus every receipt's. */
  private memberPoints(memberId: string): number {
    const body = this.memberById.get(memberId) as string | undefined;
    const parsed = body ? parseJson(MemberSummary, body) : undefined;
    return (parsed?.ok ? parsed.value.points : 0) + this.credited(memberId);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

/** A receipt read back for a retry: the same result, with today's balance. */
function toReceipt(row: LedgerRow, pointsBalance: number): Receipt {
  return {
    redemptionId: row.id,
    memberId: row.member_id,
    perkIds: JSON.parse(row.perk_ids) as string[],
    discountCents: row.discount_cents,
    bonusPoints: row.bonus_points,
    pointsEarned: row.points_earned ?? 0,
    pointsBalance,
    at: row.at,
    replayed: true,
  };
}

/** A stable fingerprint of what a till asked, to spot a key reused for something else. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
