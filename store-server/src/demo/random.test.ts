import { describe, expect, it } from 'vitest';
import { Random } from './random';

const draw = (rng: Random, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('Random', () => {
  it('repeats the same sequence for the same seed and label', () => {
    expect(draw(new Random(42), 20)).toEqual(draw(new Random(42), 20));
    expect(draw(new Random(42).fork('a'), 20)).toEqual(draw(new Random(42).fork('a'), 20));
  });

  it('differs across seeds and across forks', () => {
    expect(draw(new Random(1), 5)).not.toEqual(draw(new Random(2), 5));
    const root = new Random(1);
    expect(draw(root.fork('products'), 5)).not.toEqual(draw(root.fork('reviews'), 5));
  });

  it('forks do not depend on how much the parent has drawn', () => {
    const fresh = new Random(7);
    const used = new Random(7);
    draw(used, 100);
    expect(draw(fresh.fork('x'), 5)).toEqual(draw(used.fork('x'), 5));
  });

  it('stays within bounds and spreads evenly', () => {
    const rng = new Random(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const value = rng.int(1, 6);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('samples distinct items and respects weights', () => {
    const rng = new Random(5);
    const items = Array.from({ length: 100 }, (_, i) => i);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.sample(items, 200)).toHaveLength(100);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (rng.weighted(['a', 'b'], (x) => (x === 'a' ? 9 : 1)) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });
});
