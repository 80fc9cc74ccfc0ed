// The loyalty calls of the staff console. A redemption keeps one idempotency
// key for all its retries, so a network cut between the server's commit and
// its answer never spends a perk twice.
import { v7 as uuidv7 } from 'uuid';
import type { BasketEntry, MemberView, PricedLine, Receipt } from '@vitrine/shared/core';
import { api, ApiCallError } from '../common/api';

export type Explanation = { perkId: string; chosen: boolean; fr: string; en: string };
export type OptimiseAnswer = {
  member: MemberView['member'];
  lines: PricedLine[];
  totalCents: number;
  chosen: string[];
  value: { discountCents: number; bonusPoints: number; valueCents: number };
  explanations: Explanation[];
};

export const findMember = (cardCode: string) =>
  api<MemberView>(`/loyalty/members/${encodeURIComponent(cardCode.trim())}`);

/** Members by name (a forgotten card): any word order, with or without accents. */
export const searchMembers = (name: string) =>
  api<{ members: MemberView['member'][] }>(
    `/loyalty/members?q=${encodeURIComponent(name.trim())}`,
  ).then((answer) => answer.members);

export const optimise = (cardCode: string, basket: BasketEntry[]) =>
  api<OptimiseAnswer>('/loyalty/optimise', { body: { cardCode: cardCode.trim(), basket } });

export const newIdempotencyKey = () => uuidv7();

/** Redeems, retrying with the same key while the network (not the server) fails. */
export async function redeemPerks(
  request: { idempotencyKey: string; cardCode: string; perkIds: string[]; basket: BasketEntry[] },
  attempts = 3,
): Promise<Receipt> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api<Receipt>('/loyalty/redeem', { body: request });
    } catch (error) {
      if (error instanceof ApiCallError || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
