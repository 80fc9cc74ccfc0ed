import { describe, expect, it } from 'vitest';
import { epochOfLocal } from './zoned-time';

const iso = (epoch: number) => new Date(epoch).toISOString();

describe('epochOfLocal', () => {
  it('reads an ordinary winter and summer time in Paris', () => {
    expect(iso(epochOfLocal('2026-01-15', '09:30', 'Europe/Paris'))).toBe(
      '2026-01-15T08:30:00.000Z',
    );
    expect(iso(epochOfLocal('2026-07-15', '09:30:15.5', 'Europe/Paris'))).toBe(
      '2026-07-15T07:30:15.500Z',
    );
  });

  it('moves a time in the spring-forward gap forward by the gap (Paris, 29 March 2026)', () => {
    // 02:00 CET becomes 03:00 CEST: 02:30 does not exist and is read as 03:30 CEST.
    expect(iso(epochOfLocal('2026-03-29', '02:30', 'Europe/Paris'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(epochOfLocal('2026-03-29', '01:59', 'Europe/Paris'))).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(iso(epochOfLocal('2026-03-29', '03:00', 'Europe/Paris'))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('takes the earlier instant of a fall-back hour that happens twice (Paris, 25 October 2026)', () => {
    // 03:00 CEST becomes 02:00 CET: 02:30 happens at 00:30Z and again at 01:30Z.
    expect(iso(epochOfLocal('2026-10-25', '02:30', 'Europe/Paris'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(epochOfLocal('2026-10-25', '03:00', 'Europe/Paris'))).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('in a zone without DST the offset never moves', () => {
    for (const date of ['2026-01-15', '2026-03-29', '2026-07-15', '2026-10-25']) {
      expect(iso(epochOfLocal(date, '02:30', 'Asia/Tokyo'))).toBe(
        new Date(`${date}T02:30:00+09:00`).toISOString(),
      );
    }
    expect(iso(epochOfLocal('2026-03-08', '02:30', 'UTC'))).toBe('2026-03-08T02:30:00.000Z');
  });

  it('follows a southern-hemisphere zone and a half-hour offset', () => {
    // Sydney falls back on 5 April 2026 (03:00 AEDT → 02:00 AEST): the earlier 02:30 is AEDT.
    expect(iso(epochOfLocal('2026-04-05', '02:30', 'Australia/Sydney'))).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    expect(iso(epochOfLocal('2026-06-01', '12:00', 'Asia/Kolkata'))).toBe(
      '2026-06-01T06:30:00.000Z',
    );
  });

  it('refuses a date that does not exist, a malformed time and an unknown zone', () => {
    expect(() => epochOfLocal('2026-02-30', '10:00', 'Europe/Paris')).toThrow(/no such date/);
    expect(() => epochOfLocal('2026-02-10', '25:00', 'Europe/Paris')).toThrow(/no such date/);
    expect(() => epochOfLocal('10/02/2026', '10:00', 'Europe/Paris')).toThrow(/not a local date/);
    expect(() => epochOfLocal('2026-02-10', '10:00', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
