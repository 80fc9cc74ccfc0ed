import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_KEYS,
  helloDecision,
  intakeDecision,
  linkHeadKey,
  neighbourStockCheckpointKey,
} from './revisions';

describe('intakeDecision', () => {
  it('applies only the next revision', () => {
    expect(intakeDecision(0, 1)).toBe('apply');
    expect(intakeDecision(4, 5)).toBe('apply');
    expect(intakeDecision(4, 4)).toBe('duplicate');
    expect(intakeDecision(4, 1)).toBe('duplicate');
    expect(intakeDecision(4, 6)).toBe('gap');
  });

  it('applies each revision once when messages arrive repeated and out of order', () => {
    // Redelivery and a crash between commit and ack replay revisions; a gap holds the rest back.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 200 }), (arrivals) => {
        let held = 0;
        const applied: number[] = [];
        for (const rev of arrivals) {
          if (intakeDecision(held, rev) === 'apply') {
            applied.push(rev);
            held = rev;
          }
        }
        expect(applied).toEqual(Array.from({ length: held }, (_, i) => i + 1));
      }),
    );
  });

  it('refuses what is not a revision', () => {
    expect(() => intakeDecision(-1, 1)).toThrow(RangeError);
    expect(() => intakeDecision(0, 0)).toThrow(RangeError);
    expect(() => intakeDecision(0, 1.5)).toThrow(RangeError);
  });
});

describe('helloDecision', () => {
  it('catches up through the durable while the stream still holds the next revision', () => {
    expect(helloDecision(10, { firstRev: 1, lastRev: 20 })).toBe('catch-up');
    expect(helloDecision(10, { firstRev: 11, lastRev: 20 })).toBe('catch-up');
    expect(helloDecision(20, { firstRev: 11, lastRev: 20 })).toBe('up-to-date');
  });

  it('sends a snapshot when the next revision is past retention', () => {
    expect(helloDecision(10, { firstRev: 12, lastRev: 20 })).toBe('snapshot');
    // A new store on a chain whose first revisions aged out.
    expect(helloDecision(0, { firstRev: 5, lastRev: 20 })).toBe('snapshot');
    // Everything aged out (empty stream: first = last + 1) while the store was away.
    expect(helloDecision(10, { firstRev: 21, lastRev: 20 })).toBe('snapshot');
  });

  it('is up to date with an empty stream it has fully read, and a new chain', () => {
    expect(helloDecision(20, { firstRev: 21, lastRev: 20 })).toBe('up-to-date');
    expect(helloDecision(0, { firstRev: 1, lastRev: 0 })).toBe('up-to-date');
  });

  it('sends a snapshot to a store ahead of HQ (HQ restored from a backup)', () => {
    expect(helloDecision(30, { firstRev: 1, lastRev: 20 })).toBe('snapshot');
  });
});

describe('checkpoint keys', () => {
  it('names one checkpoint per stream and one HQ counter per store', () => {
    expect(CHECKPOINT_KEYS).toEqual({ HQ_CHAIN: 'chain', HQ_STORES: 'store' });
    expect(linkHeadKey('chain')).toBe('chain');
    expect(linkHeadKey('store', 'A')).toBe('store:A');
    expect(() => linkHeadKey('store')).toThrow(/store id/);
    expect(neighbourStockCheckpointKey('B')).toBe('stock:B');
    expect(() => neighbourStockCheckpointKey('B.>')).toThrow(/store id/);
  });
});
