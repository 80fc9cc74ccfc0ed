import { describe, expect, it } from 'vitest';
import type { Campaign } from '@vitrine/shared/core';
import { msUntilNextChange, startPlaybackLoop, type Scheduler } from './playback-loop';
import { PlayerEngine, type PlayEvent } from './player-engine';

const campaign = (syncGroup?: string): Campaign => ({
  v: 1,
  id: 'wall',
  name: 'Wall',
  revision: 1,
  layout: { id: 'l', zones: [{ id: 'z', x: 0, y: 0, width: 100, height: 100, playlistId: 'p' }] },
  playlists: [
    {
      id: 'p',
      items: [
        { id: 'a', kind: 'ticker', durationMs: 1_000, text: { fr: 'a', en: 'a' } },
        { id: 'b', kind: 'ticker', durationMs: 1_500, text: { fr: 'b', en: 'b' } },
      ],
    },
  ],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 1,
  shareOfVoice: 1,
  emergency: false,
  ...(syncGroup ? { syncGroup } : {}),
});

/** A fake timer queue on a fake true clock: time jumps straight to the next timer. */
function fakeTimers() {
  let now = Date.parse('2026-11-23T08:00:00.300Z');
  const queue: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Scheduler = {
    setTimeout: (run, ms) => {
      const id = ids++;
      queue.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => queue.splice(queue.findIndex((entry) => entry.id === id) >>> 0, 1),
  };
  const advanceTo = (until: number) => {
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > until) break;
      queue.shift();
      now = next.at;
      next.run();
    }
    now = until;
  };
  return { timers, advanceTo, now: () => now };
}

function player(skewMs: number, offsetMs: number, clock: () => number, starts: number[]) {
  const engine = new PlayerEngine({
    timeZone: () => 'Europe/Paris',
    screen: () => ({ storeId: 's', groups: [], tags: [] }),
    isPlayable: () => true,
    newPlayId: () => 'id',
    record: (event: PlayEvent) => event.phase === 'start' && starts.push(clock()),
  });
  return () => {
    // The player's own wall clock is skewed; the estimated offset corrects it.
    const now = clock() + skewMs + offsetMs;
    return { frame: engine.tick([campaign('aisle')], now, clock()), now };
  };
}

describe('playback loop', () => {
  it('waits exactly until the next item is due, at most 100 ms', () => {
    const engine = new PlayerEngine({
      timeZone: () => 'Europe/Paris',
      screen: () => ({ storeId: 's', groups: [], tags: [] }),
      isPlayable: () => true,
      newPlayId: () => 'id',
      record: () => undefined,
    });
    const t = Date.parse('2026-11-23T08:00:00.000Z');
    const frame = engine.tick([campaign('aisle')], t + 960);
    expect(msUntilNextChange(frame, t + 960)).toBe(40);
    expect(msUntilNextChange(frame, t + 500)).toBe(100);
    expect(msUntilNextChange({ mode: 'default', key: 'default' }, t)).toBe(100);
  });

  it('starts items of a sync group at the same true instant on skewed clocks', () => {
    const fake = fakeTimers();
    const skews = [-1_500, -400, 250, 900];
    const starts = skews.map(() => [] as number[]);
    // Offsets as estimated: the exact opposite of each skew, give or take 1 ms.
    const stops = skews.map((skew, i) =>
      startPlaybackLoop(player(skew, -skew + (i % 2), fake.now, starts[i]!), fake.timers),
    );
    fake.advanceTo(fake.now() + 25_000);
    stops.forEach((stop) => stop());
    const counts = starts.map((list) => list.length);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThanOrEqual(20);
    for (let k = 1; k < counts[0]!; k++) {
      const at = starts.map((list) => list[k]!);
      expect(Math.max(...at) - Math.min(...at)).toBeLessThanOrEqual(2);
    }
  });
});
