// Speech output of a product's key facts (speechSynthesis), in the session's language.
import { priceNow, type PriceNow, type Product } from '../../core';
import type { I18n } from '../i18n/i18n';
import { allergenNames } from './allergen-text';
import { priceText } from './price-text';

export function keyFactsText(
  product: Product,
  i18n: I18n,
  stockHere: number | undefined,
  aisle?: string,
  /** The price the page shows (priceNow); the product's own now by default. */
  shown: PriceNow = priceNow(product, undefined, [], new Date()),
) {
  const { t, lang } = i18n;
  // A shopper who cannot read the label hears the allergens too.
  const allergens = allergenNames(product.food?.allergens ?? [], t).map((a) => a.name);
  return [
    product.name[lang],
    ...(product.brand ? [`${t.brandLabel} ${product.brand}`] : []),
    `${t.price_} ${priceText(shown, i18n)}`,
    stockHere
      ? `${t.inStockHere}, ${stockHere}${aisle ? `, ${t.aisle} ${aisle}` : ''}`
      : t.notInStockHere,
    ...(allergens.length > 0 ? [t.labelled(t.allergens, allergens.join(', '))] : []),
  ].join('. ');
}

export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Reads `text` aloud; `onDone` runs when it ends, fails or is cancelled. */
export function speak(text: string, lang: 'fr' | 'en', onDone?: () => void): void {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang === 'fr' ? 'fr-FR' : 'en-GB';
  utterance.onend = () => onDone?.();
  utterance.onerror = () => onDone?.();
  window.speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
