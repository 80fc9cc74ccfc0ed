// The signage screen's words, French and English (the screen's language comes
// from its profile); prices in the store's currency from its settings.
import { plural } from '@vitrine/shared/core';
import { createText } from '@vitrine/shared/ui/i18n';

const fr = {
  inStockHere: (n: number) => plural('fr', n, { other: '# en stock ici' }),
  soldOutHere: 'Épuisé ici',
};

type SignageMessages = typeof fr;

const en: SignageMessages = {
  inStockHere: (n: number) => plural('en', n, { other: '# in stock here' }),
  soldOutHere: 'Sold out here',
};

export const signageMessages = { fr, en };

export const { TextProvider, useText } = createText(signageMessages);
