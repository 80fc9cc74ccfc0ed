// Product card images, served at /media/products/<id>-<n>.svg: a background
// tinted by category and brand, a drawing of the kind of product, the brand
// and the name. Deterministic: the same product always gives the same bytes.
import type { Product } from '@vitrine/shared/core';
import { SHAPES } from './product-image-shapes';
import { subcategoryOf, subcategoryOfProductId } from './subcategories';
import type { Category } from './subcategory';
import { COLOURS } from './words-fr-en';

const SIZE = 600;
const HUE: Record<Category, number> = { fashion: 340, food: 32, electronics: 212 };
const COLOUR_HEX = new Map([
  ...COLOURS.map((colour): [string, string] => [colour.fr, colour.hex]),
  ['Noir graphite', '#3a3d42'],
  ['Blanc', '#f2f2f2'],
  ['Argent', '#c8cbd0'],
  ['Bleu nuit', '#23304a'],
  ['Rose', '#e8b4c0'],
  ['Sable', '#d8c7a8'],
]);

/** Food looks like itself: a cheese is yellow whatever the brand. */
const NATURAL_FILL: Readonly<Record<string, string>> = {
  'wine-red': '#3d5240',
  'wine-white': '#8fa56b',
  'wine-rose': '#e9a7a4',
  champagne: '#2f4a38',
  cheese: '#f2d37a',
  charcuterie: '#b5485a',
  chocolate: '#5a3424',
  biscuits: '#d9a55a',
  'olive-oil': '#8a9a2b',
  coffee: '#6f4a32',
  tea: '#7a9a5a',
  honey: '#e0a526',
  jam: '#b23a48',
};

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** HSL (degrees, percent, percent) to #rrggbb. */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const k = (n: number): number => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const value = l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Greedy word wrap to `width` characters, at most `maxLines` lines (with an ellipsis). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return kept;
}

interface Card {
  id: string;
  title: string;
  brand: string;
  category: Category;
  subcategory: string;
  colour: string | undefined;
}

function cardOf(product: Product | string): Card {
  if (typeof product !== 'string') {
    const colour = product.variants[0]?.colour;
    const sub = subcategoryOfProductId(product.id);
    const slug = sub?.slug ?? '';
    return {
      id: product.id,
      title: product.name.fr,
      brand: product.brand,
      category: sub?.category ?? 'fashion',
      subcategory: slug,
      colour: NATURAL_FILL[slug] ?? (colour && COLOUR_HEX.get(colour)),
    };
  }
  const sub = subcategoryOfProductId(product);
  return {
    id: product,
    title: sub?.label.fr ?? product,
    brand: 'Vitrine',
    category: sub?.category ?? 'fashion',
    subcategory: sub?.slug ?? '',
    colour: sub && NATURAL_FILL[sub.slug],
  };
}

/** The SVG card for a product (or just its id, when the product is not at hand), image `n` ≥ 1. */
export function renderProductImage(product: Product | string, n: number): string {
  const card = cardOf(product);
  const sub = subcategoryOf(card.subcategory);
  const tint = (hash(card.brand) % 40) - 20;
  const hue = (HUE[card.category] + tint + 360) % 360;
  const detail = n > 1;
  const background = hslToHex(hue, 45, detail ? 28 : 92);
  const fill = card.colour || hslToHex((hue + 180 + (hash(card.id) % 60)) % 360, 55, 55);
  const ink = detail ? '#f4f1ea' : hslToHex(hue, 30, 22);
  const light = hslToHex(hue, 35, detail ? 45 : 97);
  const text = detail ? '#f4f1ea' : hslToHex(hue, 30, 18);
  const drawing = sub ? SHAPES[sub.shape]({ fill, ink, light }) : '';
  // The second image is a close-up: the same drawing, bigger and off-centre.
  const transform = detail ? ' transform="translate(-120 -60) scale(1.45)"' : '';
  const lines = wrapText(card.title, 26, 3)
    .map((line, i) => `<text x="300" y="${436 + i * 40}" class="name">${escapeXml(line)}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${escapeXml(card.title)}">`,
    `<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-anchor:middle;fill:${text}}.brand{font-size:22px;letter-spacing:3px;text-transform:uppercase;opacity:.75}.name{font-size:32px;font-weight:600}</style>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="${background}"/>`,
    `<g${transform}>${drawing}</g>`,
    detail ? `<rect y="360" width="${SIZE}" height="240" fill="${background}" opacity=".88"/>` : '',
    `<text x="300" y="392" class="brand">${escapeXml(card.brand)}</text>`,
    lines,
    '</svg>',
  ].join('');
}
