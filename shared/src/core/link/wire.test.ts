import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainMsgId,
  chunkByBytes,
  chunkRevisions,
  encodeLinkMessage,
  eventsMsgId,
  jsonBytes,
  LINK_MAX_PAYLOAD_BYTES,
  stockMsgId,
  storeMsgId,
} from './wire';

describe('message ids', () => {
  it('are the plan’s ids, with the store in every per-store id', () => {
    expect(chainMsgId('catalogue', 57)).toBe('catalogue:57');
    expect(storeMsgId('A', 'prices', 3)).toBe('A:prices:3');
    expect(storeMsgId('A', 'prices', 3)).not.toBe(storeMsgId('B', 'prices', 3));
    expect(eventsMsgId('A', 1, 500)).toBe('A:1-500');
    expect(stockMsgId('A', 9)).toBe('A:stock:9');
  });

  it('refuse what is not a revision or a store id', () => {
    expect(() => chainMsgId('catalogue', 0)).toThrow(RangeError);
    expect(() => eventsMsgId('A', 5, 4)).toThrow(RangeError);
    expect(() => storeMsgId('A:B', 'prices', 1)).toThrow(/store id/);
  });
});

describe('encodeLinkMessage', () => {
  it('refuses a message NATS would refuse', () => {
    expect(encodeLinkMessage({ v: 1 }).length).toBe(7);
    expect(() => encodeLinkMessage({ text: 'x'.repeat(LINK_MAX_PAYLOAD_BYTES) })).toThrow(
      /over the/,
    );
  });
});

describe('chunkByBytes', () => {
  it('keeps every item, in order, each chunk under the budget and as full as it can be', () => {
    const itemArb = fc.oneof(fc.string({ maxLength: 60 }), fc.integer(), fc.constant('é🙂'));
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 120 }),
        fc.integer({ min: 80, max: 600 }),
        (items, budget) => {
          const chunks = chunkByBytes(items, budget);
          expect(chunks.flat()).toEqual(items);
          for (const [i, chunk] of chunks.entries()) {
            const bytes = new TextEncoder().encode(JSON.stringify(chunk)).length;
            expect(bytes).toBeLessThanOrEqual(budget);
            expect(chunk.length).toBeGreaterThan(0);
            const next = chunks[i + 1];
            // The next chunk's first item did not fit in this one.
            if (next) expect(bytes + 1 + jsonBytes(next[0])).toBeGreaterThan(budget);
          }
        },
      ),
    );
  });

  it('refuses an item that cannot fit any chunk', () => {
    expect(chunkByBytes([], 100)).toEqual([]);
    expect(() => chunkByBytes(['x'.repeat(200)], 100)).toThrow(/does not fit/);
  });
});

describe('chunkRevisions', () => {
  it('makes every chunk of a multi-chunk change name its last revision', () => {
    expect(chunkRevisions(5, 1)).toEqual([{ rev: 5 }]);
    expect(chunkRevisions(5, 3)).toEqual([
      { rev: 5, atomicUntil: 7 },
      { rev: 6, atomicUntil: 7 },
      { rev: 7, atomicUntil: 7 },
    ]);
    expect(chunkRevisions(5, 0)).toEqual([]);
  });
});
