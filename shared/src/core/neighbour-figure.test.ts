import { describe, expect, it } from 'vitest';
import { neighbourFigure } from './neighbour-figure';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
const level = (confirmedAt?: string) => ({
  locationId: 'lyon',
  quantities: { '1': 3 },
  ...(confirmedAt ? { confirmedAt } : {}),
});

describe('neighbourFigure', () => {
  it('shows a figure from the store’s own feed as it is (standalone, demo)', () => {
    expect(neighbourFigure(level(), undefined, now)).toEqual({ kind: 'feed' });
    expect(neighbourFigure(undefined, undefined, now)).toEqual({ kind: 'feed' });
  });

  it('takes the later of the level’s and the store’s confirmation, with its age', () => {
    expect(
      neighbourFigure(level(minutesAgo(50)), { id: 'lyon', confirmedAt: minutesAgo(5) }, now),
    ).toEqual({ kind: 'confirmed', confirmedAt: minutesAgo(5), ageMs: 5 * 60_000 });
    expect(
      neighbourFigure(level(minutesAgo(2)), { id: 'lyon', confirmedAt: minutesAgo(9) }, now),
    ).toMatchObject({ kind: 'confirmed', ageMs: 2 * 60_000 });
  });

  it('calls a figure older than the window unavailable, not stale', () => {
    expect(
      neighbourFigure(level(minutesAgo(40)), { id: 'lyon', confirmedAt: minutesAgo(31) }, now),
    ).toEqual({ kind: 'unavailable' });
    expect(neighbourFigure(level(minutesAgo(40)), undefined, now, 60 * 60_000)).toMatchObject({
      kind: 'confirmed',
    });
  });

  it('counts a store that holds none of the item, once confirmed, as a confirmed zero', () => {
    expect(
      neighbourFigure(undefined, { id: 'lyon', confirmedAt: minutesAgo(1) }, now),
    ).toMatchObject({ kind: 'confirmed' });
  });
});
