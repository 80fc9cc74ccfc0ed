// The feedback report's words, French and English: the head-office console's
// typed dictionary for this part (see ../messages.ts), picked by its language.
import { plural } from '@vitrine/shared/core';
import type { Lang } from '../messages';

const fr = {
  title: 'Avis des clients',
  refresh: 'Recharger les avis',
  exportCsv: 'Télécharger les avis (CSV)',
  intro: 'J’aime, smileys après l’aide d’un vendeur ou un appel d’expert, et notes des avis.',
  lowOnly: 'Seulement les notes basses',
  sources: {
    product: 'J’aime / J’aime pas',
    help: 'Aide vendeur',
    call: 'Appel expert',
    review: 'Avis',
  },
  day: 'Jour',
  store: 'Magasin',
  source: 'Origine',
  product: 'Produit',
  likes: 'J’aime',
  dislikes: 'J’aime pas',
  smileys: 'Smileys (bien · moyen · mal)',
  reviews: 'Avis (moyenne)',
  flag: 'Note basse',
  flagged: (n: number) =>
    plural('fr', n, { one: '# ligne à regarder', other: '# lignes à regarder' }),
  none: 'Aucun avis sur cette période.',
  positive: 'Positifs',
  neutral: 'Neutres',
  negative: 'Négatifs',
  chart: 'Avis par jour',
  more: (n: number) => `… et ${n} autres lignes dans le fichier CSV.`,
  noProduct: '—',
};

const en: typeof fr = {
  title: 'Shopper feedback',
  refresh: 'Reload feedback',
  exportCsv: 'Download feedback (CSV)',
  intro: 'Likes, smileys after a staff member’s help or an expert call, and review ratings.',
  lowOnly: 'Low ratings only',
  sources: {
    product: 'Likes / dislikes',
    help: 'Staff help',
    call: 'Expert call',
    review: 'Reviews',
  },
  day: 'Day',
  store: 'Store',
  source: 'Source',
  product: 'Product',
  likes: 'Likes',
  dislikes: 'Dislikes',
  smileys: 'Smileys (good · so-so · poor)',
  reviews: 'Reviews (average)',
  flag: 'Low rating',
  flagged: (n: number) => plural('en', n, { one: '# row to look at', other: '# rows to look at' }),
  none: 'No feedback in this period.',
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  chart: 'Feedback per day',
  more: (n: number) => `… and ${n} more rows in the CSV file.`,
  noProduct: '—',
};

export const feedbackMessages: Record<Lang, typeof fr> = { fr, en };
