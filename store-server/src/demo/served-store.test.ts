import { describe, expect, it } from 'vitest';
import { generateDemoStore } from './index';

const now = new Date('2026-12-07T08:00:00Z');

describe('a demo for a store its chain does not list', () => {
  it('adds the store, its shelves a copy of the demo store’s, and leaves the rest as generated', () => {
    const plain = generateDemoStore({ scale: 20, now });
    const served = generateDemoStore({ scale: 20, now, storeId: 'load-07' });
    expect(served.locations.map((location) => location.id)).toEqual([
      ...plain.locations.map((location) => location.id),
      'load-07',
    ]);
    expect(served.products).toEqual(plain.products);
    for (const [index, record] of served.stock.entries()) {
      const paris = record.levels.find((level) => level.locationId === 'paris-rivoli');
      const own = record.levels.find((level) => level.locationId === 'load-07');
      expect(own).toEqual({ ...paris, locationId: 'load-07' });
      expect(record.levels.slice(0, -1)).toEqual(plain.stock[index]!.levels);
    }
  });

  it('changes nothing for one of the demo’s own stores', () => {
    expect(generateDemoStore({ scale: 20, now, storeId: 'lyon-bellecour' })).toEqual(
      generateDemoStore({ scale: 20, now }),
    );
  });
});
