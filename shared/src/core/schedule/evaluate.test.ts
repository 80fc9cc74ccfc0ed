import { describe, expect, it } from 'vitest';
import { isScheduleOn, scheduleTouchesDays } from './evaluate';
import { localMoment } from './local-time';
import { scheduleProblems, type Schedule } from './schedule-types';

const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);
const everyDay = [1, 2, 3, 4, 5, 6, 7];

describe('schedule evaluation as a pure function of time', () => {
  it('reads wall-clock time in the store zone, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 00:30 on 1 Jan in Paris (UTC+1 in winter).
    expect(localMoment(at('2026-12-31T23:30:00Z'), PARIS)).toEqual({
      date: '2027-01-01',
      weekday: 5,
      minutes: 30,
    });
  });

  it('plays a day part that crosses midnight, belonging to the day it starts', () => {
    // Fridays only, 22:00–02:00: Friday 27 Nov 2026 22:00 → Saturday 02:00 Paris.
    const schedule: Schedule = {
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      weekdays: [5],
      dayParts: [{ start: '22:00', end: '02:00' }],
    };
    expect(isScheduleOn(schedule, at('2026-11-27T20:59:00Z'), PARIS)).toBe(false); // 21:59 Fri
    expect(isScheduleOn(schedule, at('2026-11-27T21:00:00Z'), PARIS)).toBe(true); // 22:00 Fri
    expect(isScheduleOn(schedule, at('2026-11-28T00:59:00Z'), PARIS)).toBe(true); // 01:59 Sat
    expect(isScheduleOn(schedule, at('2026-11-28T01:00:00Z'), PARIS)).toBe(false); // 02:00 Sat
    // Saturday night is not Friday night.
    expect(isScheduleOn(schedule, at('2026-11-28T21:30:00Z'), PARIS)).toBe(false);
    // Thursday after midnight is Thursday's part, and Thursday is not chosen.
    expect(isScheduleOn(schedule, at('2026-11-27T00:30:00Z'), PARIS)).toBe(false);
    // The part that started on the last day of the range still finishes after it.
    const lastDay: Schedule = { ...schedule, endDate: '2026-11-27' };
    expect(isScheduleOn(lastDay, at('2026-11-28T00:30:00Z'), PARIS)).toBe(true);
  });

  it('follows the wall clock on the spring-forward day in Paris (29 March 2026)', () => {
    const morning: Schedule = {
      startDate: '2026-03-29',
      endDate: '2026-03-29',
      weekdays: everyDay,
      dayParts: [{ start: '07:00', end: '09:00' }],
    };
    // 07:00 local is 05:00 UTC after the switch (UTC+2), not 06:00.
    expect(isScheduleOn(morning, at('2026-03-29T04:59:00Z'), PARIS)).toBe(false);
    expect(isScheduleOn(morning, at('2026-03-29T05:00:00Z'), PARIS)).toBe(true);
    expect(isScheduleOn(morning, at('2026-03-29T06:59:00Z'), PARIS)).toBe(true);
    expect(isScheduleOn(morning, at('2026-03-29T07:00:00Z'), PARIS)).toBe(false);
    // A part inside the skipped hour (02:00–03:00 does not exist) starts when
    // the clock jumps into it: 02:30–03:30 plays 03:00–03:30 that day.
    const skipped: Schedule = { ...morning, dayParts: [{ start: '02:30', end: '03:30' }] };
    expect(isScheduleOn(skipped, at('2026-03-29T00:59:00Z'), PARIS)).toBe(false); // 01:59 CET
    expect(isScheduleOn(skipped, at('2026-03-29T01:00:00Z'), PARIS)).toBe(true); // 03:00 CEST
    expect(isScheduleOn(skipped, at('2026-03-29T01:30:00Z'), PARIS)).toBe(false); // 03:30 CEST
  });

  it('plays the repeated hour twice on the fall-back day in Paris (25 October 2026)', () => {
    const night: Schedule = {
      startDate: '2026-10-25',
      endDate: '2026-10-25',
      weekdays: everyDay,
      dayParts: [{ start: '02:00', end: '03:00' }],
    };
    expect(isScheduleOn(night, at('2026-10-24T23:59:00Z'), PARIS)).toBe(false); // 01:59 CEST
    expect(isScheduleOn(night, at('2026-10-25T00:00:00Z'), PARIS)).toBe(true); // 02:00 CEST
    expect(isScheduleOn(night, at('2026-10-25T00:59:00Z'), PARIS)).toBe(true); // 02:59 CEST
    expect(isScheduleOn(night, at('2026-10-25T01:00:00Z'), PARIS)).toBe(true); // 02:00 CET again
    expect(isScheduleOn(night, at('2026-10-25T02:00:00Z'), PARIS)).toBe(false); // 03:00 CET
    // 7:00 local opening is 06:00 UTC after the switch.
    const opening: Schedule = { ...night, dayParts: [{ start: '07:00', end: '08:00' }] };
    expect(isScheduleOn(opening, at('2026-10-25T05:59:00Z'), PARIS)).toBe(false);
    expect(isScheduleOn(opening, at('2026-10-25T06:00:00Z'), PARIS)).toBe(true);
  });

  it('respects date ranges and weekdays, all day when there are no day parts', () => {
    const weekends: Schedule = { startDate: '2026-12-01', weekdays: [6, 7], dayParts: [] };
    expect(isScheduleOn(weekends, at('2026-12-05T12:00:00Z'), PARIS)).toBe(true); // Saturday
    expect(isScheduleOn(weekends, at('2026-12-07T12:00:00Z'), PARIS)).toBe(false); // Monday
    expect(isScheduleOn(weekends, at('2026-11-29T12:00:00Z'), PARIS)).toBe(false); // before start
    expect(scheduleTouchesDays(weekends, '2026-11-28', 2)).toBe(false);
    expect(scheduleTouchesDays(weekends, '2026-12-04', 2)).toBe(true);
  });

  it('names impossible schedules', () => {
    expect(
      scheduleProblems({
        startDate: '2026-12-10',
        endDate: '2026-12-01',
        weekdays: [1],
        dayParts: [],
      }),
    ).toEqual([expect.stringMatching(/ends .* before it starts/)]);
    // 7–8 Dec 2026 is Monday–Tuesday: a Sunday-only schedule never plays.
    expect(
      scheduleProblems({
        startDate: '2026-12-07',
        endDate: '2026-12-08',
        weekdays: [7],
        dayParts: [],
      }),
    ).toEqual([expect.stringMatching(/none of the chosen weekdays/)]);
    expect(
      scheduleProblems({
        startDate: '2026-12-07',
        weekdays: [1],
        dayParts: [{ start: '10:00', end: '10:00' }],
      }),
    ).toEqual([expect.stringMatching(/empty/)]);
  });
});
