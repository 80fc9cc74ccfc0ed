// What each label carries: realistic, valid codes drawn from a seeded stream.
// GTINs get their real check digits; GS1 structures use AI (01) plus, on some
// labels, (17) expiry and (10) lot, as a pharmacy or fresh-food label would.
import { expandUpcE, gtinCheckDigit, makeGtin13 } from '@vitrine/shared/core';
import type { Random } from '@vitrine/store-server/demo/random';
import type { Expectation, SymbologyGroup } from './manifest';

export type LabelContent = {
  group: SymbologyGroup;
  /** zint's `-b` symbology name. */
  symbology: string;
  /** zint's `--data`, GS1 AIs in brackets. */
  encoded: string;
  expect: Expectation;
  /** Extra zint options (`--gs1`, QR version, ECC level, mask). */
  zintOptions: string[];
};

// GS1 prefixes of trade items (France, Germany, UK, Switzerland, Italy, Spain, Netherlands, Sweden).
const EAN13_PREFIXES = ['30', '34', '37', '40', '42', '50', '76', '80', '84', '87', '73'];
const EAN8_PREFIXES = ['40', '50', '54', '76', '87', '96'];
const BRANDS = ['maisonbrun', 'alpenmilch', 'tissage-lune', 'verdelia', 'nordkaffe', 'solea'];

const digits = (rng: Random, count: number) =>
  Array.from({ length: count }, () => String(rng.int(0, 9))).join('');

function ean13(rng: Random): string {
  const prefix = rng.pick(EAN13_PREFIXES);
  return makeGtin13(prefix + digits(rng, 12 - prefix.length));
}

function gtin14(rng: Random): string {
  // Indicator 0 (the unit itself) on most labels, 1–8 for cases and packs.
  const body = String(rng.chance(0.6) ? 0 : rng.int(1, 8)) + ean13(rng).slice(0, 12);
  return body + gtinCheckDigit(body);
}

function expiry(rng: Random): string {
  const year = rng.int(27, 30);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return `${year}${month}${day}`;
}

function lot(rng: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  return Array.from({ length: rng.int(4, 8) }, () => rng.pick([...alphabet])).join('');
}

/** AI (01), then (17) and (10) on some labels. */
function gs1ElementString(rng: Random, gtin: string, always = false): string {
  let data = `[01]${gtin}`;
  if (always || rng.chance(0.6)) data += `[17]${expiry(rng)}`;
  if (always || rng.chance(0.6)) data += `[10]${lot(rng)}`;
  return data;
}

/**
 * A UPC-E (number system 0): six digits, the last saying how the manufacturer
 * and item numbers were zero-compressed. Digits that would make the
 * compression ambiguous are redrawn, as GS1's rules require.
 */
function upcE(rng: Random): { data: string; gtin14: string } {
  const d = Array.from({ length: 6 }, () => rng.int(0, 9));
  if (d[5] === 3 && d[2]! < 3) d[2] = rng.int(3, 9);
  if (d[5] === 4 && d[3] === 0) d[3] = rng.int(1, 9);
  if (d[5]! >= 5 && d[4] === 0) d[4] = rng.int(1, 9);
  const body = `0${d.join('')}`;
  for (let check = 0; check <= 9; check++) {
    const upcA = expandUpcE(`${body}${check}`);
    if (upcA) return { data: body, gtin14: upcA.padStart(14, '0') };
  }
  throw new Error(`no check digit makes UPC-E ${body} valid`);
}

function loyaltyCard(rng: Random): string {
  const number = digits(rng, 10);
  return `VTR${number}${gtinCheckDigit(number)}`;
}

function digitalLink(rng: Random, gtin: string): string {
  if (rng.chance(0.5)) {
    const query = rng.chance(0.5) ? `?17=${expiry(rng)}&10=${lot(rng)}` : '';
    return `https://id.gs1.org/01/${gtin}${query}`;
  }
  // A brand's own resolver, with a path prefix before the primary key.
  const brand = rng.pick(BRANDS);
  const prefix = rng.pick(['p', 'products', 'dl/fr']);
  return `https://www.${brand}.example/${prefix}/01/${gtin}/10/${lot(rng)}`;
}

function promoUrl(rng: Random): string {
  const brand = rng.pick(BRANDS);
  const path = rng.pick(['promo', 'offre', 'jeu-concours', 'recettes']);
  return `https://www.${brand}.example/${path}/${lot(rng).toLowerCase()}`;
}

/** One label's content for a group; `index` alternates the kinds a group holds. */
export function drawLabelContent(
  rng: Random,
  group: Exclude<SymbologyGroup, 'qr-variants'>,
  index: number,
): LabelContent {
  switch (group) {
    case 'ean-13': {
      const code = ean13(rng);
      return label(group, 'EANX', code.slice(0, 12), { gtin14: `0${code}` });
    }
    case 'ean-8': {
      const body = rng.pick(EAN8_PREFIXES) + digits(rng, 5);
      const code = body + gtinCheckDigit(body);
      return label(group, 'EANX', body, { gtin14: code.padStart(14, '0') });
    }
    case 'upc-a': {
      const body = rng.pick(['0', '0', '1', '6', '7', '8']) + digits(rng, 10);
      return label(group, 'UPCA', body, { gtin14: `00${body}${gtinCheckDigit(body)}` });
    }
    case 'upc-e': {
      const { data, gtin14: gtin } = upcE(rng);
      return label(group, 'UPCE', data, { gtin14: gtin });
    }
    case 'gs1-128': {
      const gtin = gtin14(rng);
      return label(group, 'GS1_128', gs1ElementString(rng, gtin), { gtin14: gtin }, ['--gs1']);
    }
    case 'code-128': {
      if (index % 2 === 0) {
        const card = loyaltyCard(rng);
        return label(group, 'CODE128', card, { text: card });
      }
      const gtin = gtin14(rng);
      return label(group, 'CODE128', gtin, { gtin14: gtin });
    }
    case 'qr-digital-link': {
      const gtin = gtin14(rng);
      return label(group, 'QRCODE', digitalLink(rng, gtin), { gtin14: gtin });
    }
    case 'qr-promo': {
      const url = promoUrl(rng);
      return label(group, 'QRCODE', url, { text: url });
    }
    case 'gs1-datamatrix': {
      const gtin = gtin14(rng);
      return label(
        group,
        'DATAMATRIX',
        gs1ElementString(rng, gtin, rng.chance(0.8)),
        {
          gtin14: gtin,
        },
        ['--gs1'],
      );
    }
  }
}

function label(
  group: SymbologyGroup,
  symbology: string,
  encoded: string,
  expect: Expectation,
  zintOptions: string[] = [],
): LabelContent {
  return { group, symbology, encoded, expect, zintOptions };
}

/** zint's `--secure` levels: 1 = L, 2 = M, 3 = Q, 4 = H. */
const QR_VARIANTS: { version?: number; ecc: 1 | 2 | 3 | 4 }[] = [
  { version: 3, ecc: 1 },
  { version: 3, ecc: 2 },
  { version: 4, ecc: 1 },
  { version: 4, ecc: 2 },
  { version: 4, ecc: 3 },
  { version: 5, ecc: 2 },
  { version: 5, ecc: 3 },
  { version: 5, ecc: 4 },
  { version: 6, ecc: 1 },
  { version: 6, ecc: 4 },
  { version: 7, ecc: 2 },
  { version: 7, ecc: 3 },
  { version: 8, ecc: 1 },
  { version: 8, ecc: 4 },
  { version: 10, ecc: 2 },
  { version: 10, ecc: 4 },
  { ecc: 2 },
  { ecc: 4 },
];
export const QR_VARIANT_COUNT = QR_VARIANTS.length;

/**
 * The i-th clean QR variant: a Digital Link of a GTIN at a forced version, ECC
 * level and mask (every version here holds the 36-character short form; the
 * larger ones carry a query too).
 */
export function qrVariantContent(rng: Random, index: number): LabelContent {
  const variant = QR_VARIANTS[index % QR_VARIANTS.length]!;
  const gtin = gtin14(rng);
  const short = `https://id.gs1.org/01/${gtin}`;
  const data = (variant.version ?? 6) >= 6 ? `${short}?17=${expiry(rng)}&10=${lot(rng)}` : short;
  const options = [`--secure=${variant.ecc}`, `--mask=${index % 8}`];
  if (variant.version) options.push(`--vers=${variant.version}`);
  return label('qr-variants', 'QRCODE', data, { gtin14: gtin }, options);
}

/** The labels a product of the demo store can carry, for the label → page timing. */
export function productLabelContents(rng: Random, gtin: string): LabelContent[] {
  return [
    label('ean-13', 'EANX', gtin.slice(1, 13), { gtin14: gtin }),
    label('gs1-128', 'GS1_128', gs1ElementString(rng, gtin, true), { gtin14: gtin }, ['--gs1']),
    label('qr-digital-link', 'QRCODE', `https://id.gs1.org/01/${gtin}`, { gtin14: gtin }),
    label('gs1-datamatrix', 'DATAMATRIX', gs1ElementString(rng, gtin, true), { gtin14: gtin }, [
      '--gs1',
    ]),
  ];
}
