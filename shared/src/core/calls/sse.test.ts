import { describe, expect, it } from 'vitest';
import { formatSse, SseParser } from './sse';

describe('SseParser', () => {
  it('reassembles messages split across chunks and skips comments', () => {
    const parser = new SseParser();
    const text = `: hello\n\n${formatSse('status', { a: 1 })}${formatSse('snapshot', [2])}`;
    const out = [
      ...parser.push(text.slice(0, 17)),
      ...parser.push(text.slice(17, 40)),
      ...parser.push(text.slice(40)),
    ];
    expect(out).toEqual([
      { event: 'status', data: '{"a":1}' },
      { event: 'snapshot', data: '[2]' },
    ]);
  });
});
