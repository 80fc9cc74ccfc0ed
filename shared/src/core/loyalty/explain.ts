// Says in French or English why the optimiser chose or left out each perk.
import type { PerkDecision } from './optimiser';

type Lang = 'fr' | 'en';

const euros = (cents: number, lang: Lang) =>
  (cents / 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  });

function worth(decision: PerkDecision, lang: Lang): string {
  if (!('alone' in decision)) return '';
  const parts: string[] = [];
  if (decision.alone.discountCents > 0) {
    parts.push(
      lang === 'fr'
        ? `${euros(decision.alone.discountCents, lang)} de remise`
        : `${euros(decision.alone.discountCents, lang)} off`,
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
): string {
  const fr = lang === 'fr';
  if (decision.chosen)
    return fr ? `Choisi : ${worth(decision, lang)}.` : `Chosen: ${worth(decision, lang)}.`;
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
        ? `Minimum d’achat ${euros(reason.needsCents, lang)} (panier concerné : ${euros(reason.hasCents, lang)}).`
        : `Needs ${euros(reason.needsCents, lang)} of qualifying spend (basket has ${euros(reason.hasCents, lang)}).`;
    case 'no-value':
      return fr ? 'N’apporte rien de plus sur ce panier.' : 'Adds nothing to this basket.';
    case 'not-stackable':
      return fr
        ? `Non cumulable avec « ${labelOf(reason.with)} » : la combinaison choisie rapporte plus (${worth(decision, lang)} seul).`
        : `Cannot be combined with “${labelOf(reason.with)}”: the chosen combination is worth more (${worth(decision, lang)} alone).`;
    case 'category-taken':
      return fr
        ? `Un seul avantage par rayon, déjà pris par « ${labelOf(reason.with)} » : la combinaison choisie rapporte plus (${worth(decision, lang)} seul).`
        : `One perk per category, taken by “${labelOf(reason.with)}”: the chosen combination is worth more (${worth(decision, lang)} alone).`;
  }
}
