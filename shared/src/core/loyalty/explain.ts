// Says in French or English why the optimiser chose or left out each perk.
import type { PerkDecision } from './optimiser';

import { formatsFor, type Lang } from '../i18n';
import { DEFAULT_CURRENCY } from '../money';

function worth(decision: PerkDecision, lang: Lang, price: (minorUnits: number) => string): string {
  if (!('alone' in decision)) return '';
  const parts: string[] = [];
  if (decision.alone.discountCents > 0) {
    parts.push(
      lang === 'fr'
        ? `${price(decision.alone.discountCents)} de remise`
        : `${price(decision.alone.discountCents)} off`,
    );
  }
  if (decision.alone.bonusPoints > 0) {
    parts.push(
      lang === 'fr'
        ? `${decision.alone.bonusPoints} points en plus`
        : `${decision.alone.bonusPoints} extra points`,
    );
  }
  return parts.join(lang === 'fr' ? ' et ' : ' and ');
}

export function explainDecision(
  decision: PerkDecision,
  lang: Lang,
  labelOf: (perkId: string) => string = (id) => id,
  currency: string = DEFAULT_CURRENCY,
): string {
  const { price } = formatsFor(lang, currency);
  const fr = lang === 'fr';
  if (decision.chosen)
    return fr
      ? `Choisi : ${worth(decision, lang, price)}.`
      : `Chosen: ${worth(decision, lang, price)}.`;
  const reason = decision.reason;
  switch (reason.code) {
    case 'expired':
      return fr
        ? `Expiré le ${reason.expiredAt.slice(0, 10)}.`
        : `Expired on ${reason.expiredAt.slice(0, 10)}.`;
    case 'tier':
      return fr ? `Réservé au niveau ${reason.needs}.` : `For ${reason.needs} members only.`;
    case 'redeemed':
      return fr ? 'Déjà utilisé.' : 'Already used.';
    case 'min-spend':
      return fr
        ? `Minimum d’achat ${price(reason.needsCents)} (panier concerné : ${price(reason.hasCents)}).`
        : `Needs ${price(reason.needsCents)} of qualifying spend (basket has ${price(reason.hasCents)}).`;
    case 'no-value':
      return fr ? 'N’apporte rien de plus sur ce panier.' : 'Adds nothing to this basket.';
    case 'not-stackable':
      return fr
        ? `Non cumulable avec « ${labelOf(reason.with)} » : la combinaison choisie rapporte plus (${worth(decision, lang, price)} seul).`
        : `Cannot be combined with “${labelOf(reason.with)}”: the chosen combination is worth more (${worth(decision, lang, price)} alone).`;
    case 'category-taken':
      return fr
        ? `Un seul avantage par rayon, déjà pris par « ${labelOf(reason.with)} » : la combinaison choisie rapporte plus (${worth(decision, lang, price)} seul).`
        : `One perk per category, taken by “${labelOf(reason.with)}”: the chosen combination is worth more (${worth(decision, lang, price)} alone).`;
  }
}
