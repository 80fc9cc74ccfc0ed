// Seeded randomness for the demo store. sfc32 is small, fast and passes
// PractRand; each section of the store draws from its own named stream
// (fork), so changing how reviews are written never reshuffles the products.

/** Returns the value, or throws when an index ran past the end of a list. */
export function must<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`demo generator: missing ${what}`);
  return value;
}

/** FNV-1a over the UTF-16 code units of a label, as an unsigned 32-bit integer. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    private readonly seed: number,
    private readonly label = 'root',
  ) {
    const base = hashLabel(label) ^ mix32(seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32));
    this.a = mix32(base + 0x9e3779b9);
    this.b = mix32(base + 0x3c6ef372);
    this.c = mix32(base + 0xdaa66d2b);
    this.d = mix32(base + 0x78dde6e4);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** An independent stream named after this one and the label. */
  fork(label: string): Random {
    return new Random(this.seed, `${this.label}/${label}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** A float rounded to the given number of decimals. */
  round(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round(this.float(min, max) * factor) / factor;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return must(items[Math.floor(this.next() * items.length)], 'item to pick');
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll < 0) return item;
    }
    return must(items.at(-1), 'weighted item');
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    if (n * 4 < items.length) {
      const chosen = new Set<number>();
      while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
      return [...chosen].map((index) => must(items[index], 'sampled item'));
    }
    return this.shuffle([...items]).slice(0, n);
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const item = must(items[i], 'shuffled item');
      items[i] = must(items[j], 'shuffled item');
      items[j] = item;
    }
    return items;
  }
}
