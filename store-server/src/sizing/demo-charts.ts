// The demo store's size charts: every other demo brand publishes charts (the
// others publish none, so the mirror can show "no chart for this brand"), and
// a brand may cut 2 cm larger or smaller than the usual French charts.
import type { SizeChart, SizeChartRow } from '@vitrine/shared/core';
import { FASHION_BRANDS } from '../demo/words-fashion';

type Range = [number, number];
const step = (from: number, width: number, index: number): Range => [
  from + width * index,
  from + width * (index + 1),
];

const letters = (shift: number): SizeChartRow[] =>
  ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((size, i) => ({
    size,
    chest: step(76 + shift, 8, i),
    waist: step(60 + shift, 8, i),
    hips: step(84 + shift, 8, i),
  }));

const frClothing = (shift: number): SizeChartRow[] =>
  ['34', '36', '38', '40', '42', '44', '46'].map((size, i) => ({
    size,
    chest: step(78 + shift, 4, i),
    waist: step(60 + shift, 4, i),
    hips: step(86 + shift, 4, i),
  }));

const jeans = (shift: number): SizeChartRow[] =>
  [26, 27, 28, 29, 30, 31, 32, 34, 36].map((inches) => {
    const waist = inches * 2.54 + shift;
    return { size: `W${inches}`, waist: [waist - 1.27, waist + 1.27] as Range };
  });

const euShoes = (): SizeChartRow[] =>
  [36, 37, 38, 39, 40, 41, 42, 43, 44, 45].map((size) => {
    const foot = size / 1.5 - 1.5;
    return { size: String(size), footLength: [foot - 0.33, foot + 0.33] as Range };
  });

const belts = (): SizeChartRow[] =>
  [80, 85, 90, 95, 100, 105].map((size) => ({
    size: String(size),
    waist: [size - 7.5, size - 2.5] as Range,
  }));

export function demoSizeCharts(): SizeChart[] {
  return FASHION_BRANDS.flatMap((brand, index) => {
    if (index % 2 === 1) return [];
    const shift = [0, 2, -2][index % 3] ?? 0;
    return [
      { brand, system: 'letters', rows: letters(shift) },
      { brand, system: 'fr-clothing', rows: frClothing(shift) },
      { brand, system: 'jeans', rows: jeans(shift) },
      { brand, system: 'eu-shoes', rows: euShoes() },
      { brand, system: 'belt-cm', rows: belts() },
    ];
  });
}
