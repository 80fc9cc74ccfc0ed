// How the assistant reads a question and its knowledge alike: words in lower
// case, elisions dropped (l’, qu’, d’), the words every question has left out
// (how, can, vous, est-ce…), each word reduced to its stem by the Snowball
// stemmer of its language (Orama's port), then accents folded. "Remboursé",
// "rembourser" and "remboursement" become one term, and so do "returns" and
// "returning"; a shopper who types without accents finds the accented word.
// Each workspace that compiles this file needs the untyped package's declaration with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./stopwords-iso.d.ts" />
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { en as isoEnglish, fr as isoFrench } from 'stopwords-iso';

export type AssistantLang = 'fr' | 'en';

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæß]/g, (char) => LIGATURES[char] ?? char);
}

/** Letters and digits; "USB-C" and "t-shirt" stay one word; "l’article" gives "l" and "article". */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The stop words of stopwords-iso, less the ones a shop's questions are about ("open",
 * "order", "free", "case", "ouvert", "retour", "pièce"), plus what shoppers type at a
 * kiosk and says nothing (SMS forms, "sell", "acheté"). Folded, before stemming.
 */
const KEPT: Record<AssistantLang, string> = {
  en: `open opened opening opens order ordered ordering orders free home member members join keys
    room rooms computer website site webpage case cases point points ring large small smaller
    high long today id date early help bill call click information thin thick present
    presents value young full half back front inside stop turn turned work works working line
    number place near newer newest older oldest group card change changes second`,
  fr: `ouvert ouverte ouverts ouvertes rendre rend retour nouveau nouveaux pièce essai cher chère
    chers chères haut proche parler valeur dix-huit fois`,
};
const ADDED = `
  bonjour bonsoir salut svp stp merci madame monsieur koi kel kelle kels ya pk pkoi slt bjr cc
  jsp tt ke voudrais veux voulais aimerais souhaite savoir chercher cherche besoin trouver
  vendez vendre vend vendu acheter achete achetez achetee hello hi hey thanks please pls plz
  sell sells selling sold buy buying bought guys im
`;

function stopWordsOf(lang: AssistantLang): Set<string> {
  const kept = new Set(KEPT[lang].split(/\s+/).map(foldAccents));
  const words = [...isoStopWords[lang], ...ADDED.split(/\s+/)]
    .map((word) => foldAccents(word.toLowerCase()))
    .filter((word) => word.length > 0 && !kept.has(word));
  return new Set(words);
}

const isoStopWords: Record<AssistantLang, readonly string[]> = { fr: isoFrench, en: isoEnglish };
const STOP_WORDS: Record<AssistantLang, Set<string>> = {
  fr: stopWordsOf('fr'),
  en: stopWordsOf('en'),
};

const MIN_STEM = 4;
const STEMMERS: Record<AssistantLang, (word: string) => string> = {
  fr: stemFrench,
  en: stemEnglish,
};

/** The raw words of a text, lower case. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** A word's one form in `lang`: its stem, accents folded; null for a word with no subject. */
export function termOf(word: string, lang: AssistantLang): string | null {
  const lower = word.toLowerCase();
  const folded = foldAccents(lower);
  if (STOP_WORDS[lang].has(folded)) return null;
  // Codes and sizes ("usb-c", "42", "xl", "w32") are kept whole; a lone letter is an elision.
  if (/\d/.test(folded)) return folded;
  if (folded.length <= 1) return null;
  if (folded.length <= 2) return folded;
  const stem = foldAccents(STEMMERS[lang](lower));
  // A stem this short joins words that mean different things ("gare", "garer" → "gar").
  return stem.length >= MIN_STEM ? stem : folded;
}

/** The terms of a text in `lang`, in order, repeats kept. */
export function termsOf(text: string, lang: AssistantLang): string[] {
  const terms: string[] = [];
  for (const word of wordsOf(text)) {
    const term = termOf(word, lang);
    if (term) terms.push(term);
  }
  return terms;
}

/** How a question is grouped with others put the same way: its terms, each once, sorted. */
export function questionKey(text: string, lang: AssistantLang): string {
  return [...new Set(termsOf(text, lang))].sort().join(' ').slice(0, 200);
}
