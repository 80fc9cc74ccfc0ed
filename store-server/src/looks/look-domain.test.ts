import { describe, expect, it } from 'vitest';
import { lookSettings } from './look-domain';

describe('lookSettings', () => {
  it('defaults to 24 h and the request host', () => {
    expect(lookSettings({})).toEqual({ ttlHours: 24, publicUrl: undefined });
  });

  it('takes a valid lifetime and public origin', () => {
    expect(
      lookSettings({
        VITRINE_LOOK_TTL_HOURS: '2.5',
        VITRINE_LOOK_PUBLIC_URL: 'https://looks.example.com/x',
      }),
    ).toEqual({ ttlHours: 2.5, publicUrl: 'https://looks.example.com' });
  });

  it('falls back on nonsense instead of failing open', () => {
    for (const ttl of ['0', '-3', 'abc', '100000'])
      expect(lookSettings({ VITRINE_LOOK_TTL_HOURS: ttl }).ttlHours).toBe(24);
    expect(
      lookSettings({ VITRINE_LOOK_PUBLIC_URL: 'javascript:alert(1)' }).publicUrl,
    ).toBeUndefined();
  });
});
