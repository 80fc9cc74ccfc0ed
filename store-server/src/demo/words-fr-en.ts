// Word lists shared by every section: colours, people's names, tags.
import type { Localized } from '@vitrine/shared/core';

export type { Localized };

export interface Colour {
  /** The label shoppers see on the mirror and kiosk (the stores are French). */
  fr: string;
  en: string;
  hex: string;
}

export const COLOURS: readonly Colour[] = [
  { fr: 'Noir', en: 'Black', hex: '#1f1f24' },
  { fr: 'Blanc cassé', en: 'Off-white', hex: '#f1ece1' },
  { fr: 'Marine', en: 'Navy', hex: '#22304f' },
  { fr: 'Camel', en: 'Camel', hex: '#b98a53' },
  { fr: 'Bordeaux', en: 'Burgundy', hex: '#6d1f2f' },
  { fr: 'Kaki', en: 'Khaki', hex: '#6b6a3f' },
  { fr: 'Écru', en: 'Ecru', hex: '#e6dcc4' },
  { fr: 'Gris chiné', en: 'Heather grey', hex: '#9a9a9e' },
  { fr: 'Rose poudré', en: 'Dusty pink', hex: '#dcaeb0' },
  { fr: 'Vert sauge', en: 'Sage green', hex: '#9caf88' },
  { fr: 'Bleu ciel', en: 'Sky blue', hex: '#9cc3e4' },
  { fr: 'Terracotta', en: 'Terracotta', hex: '#c0623f' },
  { fr: 'Moutarde', en: 'Mustard', hex: '#d2a437' },
  { fr: 'Chocolat', en: 'Chocolate', hex: '#5a3a29' },
  { fr: 'Indigo', en: 'Indigo', hex: '#34407a' },
  { fr: 'Rouge', en: 'Red', hex: '#c2322f' },
];

export const FIRST_NAMES_FR: readonly string[] = list(`
  Camille, Léa, Manon, Chloé, Inès, Sarah, Juliette, Louise, Emma, Jade, Alice, Lucie,
  Clara, Anaïs, Margaux, Élodie, Hélène, Nathalie, Sophie, Isabelle, Thomas, Lucas, Hugo,
  Nathan, Louis, Théo, Antoine, Maxime, Julien, Nicolas, Pierre, Mathieu, Romain, Yanis,
  Karim, Mehdi, Olivier, Philippe, François, Bernard, Éric, Sébastien, Amandine, Fatima,
  Aïcha, Noémie, Gaëlle, Baptiste, Quentin, Adrien
`);

export const FIRST_NAMES_EN: readonly string[] = list(`
  Olivia, Emily, Charlotte, Sophie, Grace, Hannah, Amelia, Lucy, Jessica, Rachel, James,
  Oliver, Harry, George, Jack, Daniel, Samuel, Michael, David, Ben, Tom, Chris, Laura,
  Kate, Megan, Priya, Aisha, Ryan, Sean, Liam
`);

export const LAST_NAMES: readonly string[] = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
  Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel,
  Girard, André, Lefèvre, Mercier, Dupont, Lambert, Bonnet, François, Martinez, Legrand,
  Garnier, Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin,
  Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Benali, Nguyen,
  Haddad, Smith, Taylor, Walker, Brown, Wilson, Evans, Khan
`);

/** Tags are language-neutral keys; screens translate them. */
export const COMMON_TAGS: readonly string[] = [
  'new',
  'bestseller',
  'gift-idea',
  'made-in-france',
  'online-exclusive',
  'last-chance',
];

/** Splits a comma-separated word list (compact to write, stable under Prettier). */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** French typography: a narrow no-break space before : ; ! ? and % (written as plain spaces here). */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?%])/g, '\u202f$1');
}

/** Parses "français = English" into a localized text. */
export function pair(text: string): Localized {
  const [fr, en, extra] = text.split(' = ');
  if (fr === undefined || en === undefined || extra !== undefined) {
    throw new Error(`demo generator: "${text}" is not "fr = en"`);
  }
  return { fr: fr.trim(), en: en.trim() };
}

/** One "français = English" pair per non-empty line. */
export function pairs(text: string): Localized[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(pair);
}

/** One row of cells per non-empty line, cells separated by "|". */
export function rows(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split('|').map((cell) => cell.trim()));
}

/** Capitalises the first letter of a phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
