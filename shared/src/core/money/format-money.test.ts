import { describe, expect, it } from 'vitest';
import { CurrencyCode, formatMoney, minorUnitDigits } from './format-money';

// Intl puts a no-break space (U+00A0) between the amount and a symbol written apart.
const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('writes euros the French way', () => {
    expect(formatMoney(1250, 'EUR', 'fr-FR')).toBe(`12,50${NBSP}€`);
  });

  it('writes Swiss francs the Swiss German way', () => {
    expect(formatMoney(1250, 'CHF', 'de-CH')).toBe(`CHF${NBSP}12.50`);
  });

  it('writes pounds the British way', () => {
    expect(formatMoney(1250, 'GBP', 'en-GB')).toBe('£12.50');
  });

  it('reads yen as whole units: the yen has no minor unit', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(formatMoney(1250, 'JPY', 'ja-JP')).toBe('￥1,250');
  });

  it('writes a refund with its minus sign and nothing as zero', () => {
    expect(formatMoney(-1250, 'EUR', 'fr-FR')).toMatch(/^[-\u2212]12,50\u00a0€$/);
    expect(formatMoney(0, 'EUR', 'fr-FR')).toBe(`0,00${NBSP}€`);
    expect(formatMoney(0, 'GBP', 'en-GB')).toBe('£0.00');
  });
});

describe('CurrencyCode', () => {
  it('takes ISO 4217 codes and refuses anything else', () => {
    expect(CurrencyCode.safeParse('CHF').success).toBe(true);
    expect(CurrencyCode.safeParse('eur').success).toBe(false);
    expect(CurrencyCode.safeParse('EURO').success).toBe(false);
    // Three capitals Intl would still format ("XYZ 12.50"), but no currency.
    expect(CurrencyCode.safeParse('XYZ').success).toBe(false);
    expect(CurrencyCode.safeParse('JPY').success).toBe(true);
  });
});
