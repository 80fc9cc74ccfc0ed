import { describe, expect, it } from 'vitest';
import { latestLocalDate, localMoment } from './local-time';

const at = (iso: string) => Date.parse(iso);
const ZONES = ['Pacific/Pago_Pago', 'America/Los_Angeles', 'Europe/Paris', 'Asia/Tokyo'];

describe('the latest calendar day any store can be in', () => {
  it('is tomorrow at 23:30 UTC, as it already is in Paris', () => {
    expect(localMoment(at('2026-12-07T23:30:00Z'), 'Europe/Paris').date).toBe('2026-12-08');
    expect(latestLocalDate(at('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
  });

  it('turns at 10:00 UTC (midnight at UTC+14)', () => {
    expect(latestLocalDate(at('2026-12-07T09:59:59Z'))).toBe('2026-12-07');
    expect(latestLocalDate(at('2026-12-07T10:00:00Z'))).toBe('2026-12-08');
  });

  it('is never before any zone’s own date, through a year by the hour', () => {
    for (let t = at('2026-01-01T00:00:00Z'); t < at('2027-01-01T00:00:00Z'); t += 3_600_000) {
      const latest = latestLocalDate(t);
      for (const zone of ZONES) expect(localMoment(t, zone).date <= latest).toBe(true);
    }
  });
});
