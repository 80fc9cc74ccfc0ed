// Speech output of a product's key facts (speechSynthesis), in the session's language.
import type { Product } from '../../core';
import type { I18n } from '../i18n/i18n';

export function keyFactsText(
  product: Product,
  i18n: I18n,
  stockHere: number | undefined,
  aisle?: string,
) {
  const { t, lang, price } = i18n;
  return [
    product.name[lang],
    `${t.brandLabel} ${product.brand}`,
    `${t.price_} ${price(product.priceCents)}`,
    stockHere
      ? `${t.inStockHere}, ${stockHere}${aisle ? `, ${t.aisle} ${aisle}` : ''}`
      : t.notInStockHere,
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
