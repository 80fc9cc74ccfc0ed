// A day's figures as CSV, one row per hour in the store's time zone (the
// offset column tells the two 02:00 of an autumn night apart).
import type { DayFigures } from '@vitrine/shared/core';

const HEADER = [
  'date',
  'hour',
  'offset',
  'visitors',
  'exits',
  'transactions',
  'revenue',
  'currency',
  'conversion',
  'dwell_seconds',
  'plays',
  'plays_with_people',
];

const cell = (value: number | string | null) =>
  value === null
    ? ''
    : typeof value === 'number'
      ? String(Math.round(value * 10_000) / 10_000)
      : value;

export function dayCsv(figures: DayFigures): string {
  const rows = figures.hours.map((hour) =>
    [
      figures.date,
      hour.label,
      hour.offset,
      hour.visitors,
      hour.exits,
      hour.transactions,
      hour.revenue,
      figures.currency,
      hour.conversion,
      hour.dwellSeconds,
      hour.plays,
      hour.playsWithPeople,
    ]
      .map(cell)
      .join(','),
  );
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}
