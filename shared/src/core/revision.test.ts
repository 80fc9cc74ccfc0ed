import { describe, expect, it } from 'vitest';
import type { SyncMessage } from './protocol';
import { decideSync } from './revision';

const changes = (fromRev: number, toRev: number): SyncMessage => ({
  v: 1,
  type: 'changes',
  fromRev,
  toRev,
  docs: [],
});

describe('decideSync', () => {
  it('applies the next message in the chain', () => {
    expect(decideSync(10, changes(10, 12))).toBe('apply');
  });
  it('pulls on a gap', () => {
    expect(decideSync(10, changes(11, 12))).toBe('pull');
    expect(decideSync(0, changes(5, 9))).toBe('pull');
  });
  it('ignores what it already has', () => {
    expect(decideSync(12, changes(10, 12))).toBe('ignore');
    expect(decideSync(20, changes(10, 12))).toBe('ignore');
  });
  it('pulls on a poke only when behind', () => {
    expect(decideSync(5, { v: 1, type: 'poke', rev: 6 })).toBe('pull');
    expect(decideSync(6, { v: 1, type: 'poke', rev: 6 })).toBe('ignore');
  });
});
