import { describe, expect, it } from 'vitest';
import { tilesToFillView } from './first-screen';

describe('tilesToFillView', () => {
  it('counts the rows reaching into the viewport, the one cut by its bottom edge included', () => {
    // 720 px high, list at 461 px, rows of 148 px + 15 px gap: rows at 461 and 624 show.
    expect(tilesToFillView({ columns: 4, listTop: 461, rowPitch: 163, viewportHeight: 720 })).toBe(
      8,
    );
    // One pixel more of the list in view makes no new row; a third row's top edge does.
    expect(tilesToFillView({ columns: 4, listTop: 460, rowPitch: 163, viewportHeight: 720 })).toBe(
      8,
    );
    expect(tilesToFillView({ columns: 4, listTop: 393, rowPitch: 163, viewportHeight: 720 })).toBe(
      12,
    );
  });

  it('covers everything above the bottom of the viewport once the list is scrolled', () => {
    // Scrolled 1,000 px into the list: the rows above still count (they are rendered anyway).
    expect(
      tilesToFillView({ columns: 3, listTop: -1000, rowPitch: 100, viewportHeight: 800 }),
    ).toBe(3 * 18);
  });

  it('still renders one row when the list starts below the viewport', () => {
    expect(tilesToFillView({ columns: 4, listTop: 900, rowPitch: 160, viewportHeight: 720 })).toBe(
      4,
    );
  });

  it('gives up on a geometry it cannot use', () => {
    expect(
      tilesToFillView({ columns: 0, listTop: 0, rowPitch: 160, viewportHeight: 720 }),
    ).toBeUndefined();
    expect(
      tilesToFillView({ columns: 4, listTop: 0, rowPitch: 0, viewportHeight: 720 }),
    ).toBeUndefined();
    expect(
      tilesToFillView({ columns: 4, listTop: Number.NaN, rowPitch: 160, viewportHeight: 720 }),
    ).toBeUndefined();
  });
});
