// Loyalty members: a random card code (loyalty-card.ts), a tier and points
// consistent with it (Silver from 1,000 points, Gold from 3,000).
import type { Random } from './random';
import { LOCATIONS } from './locations';
import { makeLoyaltyCardCode } from './loyalty-card';
import type { LoyaltyMember, LoyaltyTier } from './server-schemas';
import { FIRST_NAMES_EN, FIRST_NAMES_FR, LAST_NAMES } from './words-fr-en';

const DAY_MS = 86_400_000;
const TIERS: readonly (readonly [LoyaltyTier, number, number, number])[] = [
  // tier, share, min points, max points
  ['bronze', 0.6, 0, 999],
  ['silver', 0.3, 1000, 2999],
  ['gold', 0.1, 3000, 12000],
];
const STORES = LOCATIONS.filter((location) => location.kind === 'store');

function digits(rng: Random, count: number): string {
  return String(rng.int(0, 10 ** count - 1)).padStart(count, '0');
}

/** A quarter as many members as products, at least 100. */
export function memberCount(scale: number): number {
  return Math.max(100, Math.round(scale / 4));
}

export function generateMembers(rng: Random, count: number, now: Date): LoyaltyMember[] {
  const cardNumbers = new Set<string>();
  const members: LoyaltyMember[] = [];
  for (let i = 0; i < count; i++) {
    let number = `${digits(rng, 5)}${digits(rng, 5)}`;
    while (cardNumbers.has(number)) number = `${digits(rng, 5)}${digits(rng, 5)}`;
    cardNumbers.add(number);
    const [tier, , min, max] = rng.weighted(TIERS, ([, share]) => share);
    const lang = rng.chance(0.85) ? 'fr' : 'en';
    const first = rng.pick(lang === 'fr' ? FIRST_NAMES_FR : FIRST_NAMES_EN);
    members.push({
      id: `member-${String(i + 1).padStart(6, '0')}`,
      cardCode: makeLoyaltyCardCode(number),
      name: `${first} ${rng.pick(LAST_NAMES)}`,
      tier,
      points: rng.int(min, max),
      lang,
      homeLocationId: rng.pick(STORES).id,
      joinedAt: new Date(now.getTime() - rng.int(1, 6 * 365) * DAY_MS).toISOString(),
    });
  }
  return members;
}
