import { describe, expect, it } from 'vitest';
import type { PlayRow } from './head-office-api';
import { localHourLabel, totalsBy } from './report-aggregate';

const row = (campaignId: string, deviceId: string, hour: string, plays: number): PlayRow => ({
  campaignId,
  storeId: 'paris-rivoli',
  deviceId,
  hour,
  plays,
  interrupted: 0,
  playedMs: plays * 5_000,
});

const rows = [
  row('winter', 'screen-a', '2026-11-23T09:00:00Z', 3),
  row('winter', 'screen-b', '2026-11-23T08:00:00Z', 2),
  row('opening', 'screen-a', '2026-11-23T08:00:00Z', 7),
];

describe('proof-of-play totals', () => {
  it('sums plays and time per campaign, biggest first', () => {
    expect(totalsBy(rows, 'campaignId')).toEqual([
      { key: 'opening', plays: 7, playedMs: 35_000 },
      { key: 'winter', plays: 5, playedMs: 25_000 },
    ]);
  });

  it('sums per screen and per store', () => {
    expect(totalsBy(rows, 'deviceId').map((t) => [t.key, t.plays])).toEqual([
      ['screen-a', 10],
      ['screen-b', 2],
    ]);
    expect(totalsBy(rows, 'storeId')).toEqual([
      { key: 'paris-rivoli', plays: 12, playedMs: 60_000 },
    ]);
  });

  it('orders hours in time, and shows them in the store’s zone', () => {
    expect(totalsBy(rows, 'hour').map((t) => [t.key, t.plays])).toEqual([
      ['2026-11-23T08:00:00Z', 9],
      ['2026-11-23T09:00:00Z', 3],
    ]);
    expect(localHourLabel('2026-11-23T08:00:00Z', 'Europe/Paris', 'en-GB')).toMatch(/09:00/);
    expect(localHourLabel('2026-07-01T08:00:00Z', 'Europe/Paris', 'fr-FR')).toMatch(/10:00/);
  });

  it('is empty for no rows', () => {
    expect(totalsBy([], 'hour')).toEqual([]);
  });
});
