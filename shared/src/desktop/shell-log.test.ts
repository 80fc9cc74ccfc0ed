import { describe, expect, it } from 'vitest';
import { formatLogLine } from './shell-log';

describe('formatLogLine', () => {
  it('writes one parseable JSON line', () => {
    const line = formatLogLine(
      'warn',
      'watchdog',
      { kind: 'renderer-hung', detail: 'a\nb' },
      new Date(0),
    );
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      event: 'watchdog',
      kind: 'renderer-hung',
      detail: 'a\nb',
    });
  });
});
