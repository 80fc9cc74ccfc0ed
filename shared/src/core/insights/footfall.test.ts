import { describe, expect, it } from 'vitest';
import {
  AxisLiveSum,
  GenericCounts,
  XovisLogicsPush,
  axisReading,
  instantsOfLocal,
  periodsFromGeneric,
  periodsFromXovis,
} from './footfall';

describe('people counters’ pushes', () => {
  it('places an Axis camera’s local clock in the store’s zone, twice in the hour clocks fall back', () => {
    // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(
      instantsOfLocal('2026-10-25', '02:30:00', 'Europe/Paris').map((t) =>
        new Date(t).toISOString(),
      ),
    ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(instantsOfLocal('2026-10-25', '03:30:00', 'Europe/Paris')).toEqual([
      Date.parse('2026-10-25T02:30:00Z'),
    ]);
    const reading = axisReading(
      AxisLiveSum.parse({
        serial: '00408CAC512B',
        name: 'Exit south',
        timestamp: '20261025113000',
        in: 12,
        out: 3,
      }),
      'Europe/Paris',
    );
    expect(reading).toEqual({
      zone: 'Exit south',
      day: '2026-10-25',
      at: [Date.parse('2026-10-25T10:30:00Z')],
      in: 12,
      out: 3,
    });
  });

  it('refuses an Axis push with a malformed clock or a negative total', () => {
    const base = { serial: 'x', name: 'Door', timestamp: '20261025113000', in: 1, out: 1 };
    expect(AxisLiveSum.safeParse({ ...base, timestamp: '2026-10-25 11:30' }).success).toBe(false);
    expect(AxisLiveSum.safeParse({ ...base, in: -1 }).success).toBe(false);
    expect(AxisLiveSum.safeParse({ ...base, name: 'a\u0000b' }).success).toBe(false);
  });

  it('reads a Xovis logics push: fw/bw of a line, a zone’s dwell; a negative count is left out', () => {
    const from = Date.parse('2026-12-01T09:00:00Z');
    const push = XovisLogicsPush.parse({
      logics_data: {
        sensor_info: { serial_number: '80:1F:12:D0:CF:B6' },
        logics: [
          {
            id: 0,
            name: 'Entrance',
            info: 'LINE',
            records: [
              {
                from,
                to: from + 60_000,
                counts: [
                  { name: 'fw', value: 4 },
                  { name: 'bw', value: 1 },
                ],
              },
              { from: from + 60_000, to: from + 120_000, counts: [{ name: 'fw', value: -2 }] },
            ],
          },
          {
            id: 1,
            name: 'Window',
            info: 'ZONE',
            records: [
              {
                from,
                to: from + 60_000,
                counts: [
                  { name: 'fw', value: 2 },
                  { name: 'avg-dwell', value: 45 },
                ],
              },
            ],
          },
        ],
      },
    });
    const read = periodsFromXovis(push);
    expect(read.periods).toEqual([
      {
        zone: 'Entrance',
        start: '2026-12-01T09:00:00.000Z',
        end: '2026-12-01T09:01:00.000Z',
        in: 4,
        out: 1,
      },
      {
        zone: 'Window',
        start: '2026-12-01T09:00:00.000Z',
        end: '2026-12-01T09:01:00.000Z',
        in: 2,
        out: 0,
        dwellSeconds: 45,
      },
    ]);
    expect(read.refused).toEqual(['Entrance 2026-12-01T09:01:00.000Z: a negative count']);
  });

  it('reads the generic shape with offsets; a period back to front or of days is left out', () => {
    const read = periodsFromGeneric(
      GenericCounts.parse({
        periods: [
          {
            zone: 'Side door',
            from: '2026-12-01T10:00:00+01:00',
            to: '2026-12-01T10:15:00+01:00',
            in: 7,
            out: 5,
          },
          {
            zone: 'Side door',
            from: '2026-12-01T10:15:00+01:00',
            to: '2026-12-01T10:00:00+01:00',
            in: 1,
            out: 0,
          },
          {
            zone: 'Side door',
            from: '2026-12-01T10:00:00Z',
            to: '2026-12-03T10:00:00Z',
            in: 1,
            out: 0,
          },
        ],
      }),
    );
    expect(read.periods).toEqual([
      {
        zone: 'Side door',
        start: '2026-12-01T09:00:00.000Z',
        end: '2026-12-01T09:15:00.000Z',
        in: 7,
        out: 5,
      },
    ]);
    expect(read.refused).toHaveLength(2);
    expect(
      GenericCounts.safeParse({
        periods: [
          { zone: 'x', from: '2026-12-01T10:00:00', to: '2026-12-01T11:00:00', in: 1, out: 1 },
        ],
      }).success,
    ).toBe(false);
  });
});
