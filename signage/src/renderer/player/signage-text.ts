// The signage screen's words, French and English (the screen's language comes
// from its profile); prices in the store's currency from its settings.
import { plural } from '@vitrine/shared/core';
import { createText, messages } from '@vitrine/shared/ui/i18n';

const fr = {
  inStockHere: (n: number) => plural('fr', n, { other: '# en stock ici' }),
  soldOutHere: 'Épuisé ici',
  // The kiosk's words for a price: the same product reads the same on both.
  priceFrom: messages.fr.priceFrom,
};

type SignageMessages = typeof fr;

const en: SignageMessages = {
  inStockHere: (n: number) => plural('en', n, { other: '# in stock here' }),
  soldOutHere: 'Sold out here',
  priceFrom: messages.en.priceFrom,
};

export const signageMessages = { fr, en };

export const { TextProvider, useText } = createText(signageMessages);
