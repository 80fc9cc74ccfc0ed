// 10,000 playlist cycles of the signage player's real engine under a fast
// clock: heap growth, and whether any transition was dropped (an item skipped
// or a start/end missing). Node, no DOM: the engine is the renderer's code.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Campaign } from '@vitrine/shared/core';
import { PlayerEngine, type PlayEvent } from '../../signage/src/renderer/player/player-engine';
import { round, type BenchResult } from './stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ITEM_MS = 1_000;
const campaign: Campaign = {
  v: 1,
  id: 'bench',
  name: 'Bench',
  revision: 1,
  layout: {
    id: 'l',
    zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p' }],
  },
  playlists: [
    {
      id: 'p',
      items: ['a', 'b', 'c'].map((id) => ({
        id,
        kind: 'ticker' as const,
        durationMs: ITEM_MS,
        text: { fr: id, en: id },
      })),
    },
  ],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 1,
  shareOfVoice: 1,
  emergency: false,
};

export function benchSignagePlayback(cycles = 10_000): Promise<BenchResult[]> {
  let starts = 0;
  let ends = 0;
  let dropped = 0;
  let expected = 0;
  let playId = 0;
  const engine = new PlayerEngine({
    timeZone: () => 'Europe/Paris',
    screen: () => ({ storeId: 'paris-rivoli', groups: [], tags: [] }),
    isPlayable: () => true,
    newPlayId: () => `p${playId++}`,
    record: (event: PlayEvent) => {
      if (event.phase === 'start') {
        starts++;
        if (event.itemId !== ['a', 'b', 'c'][expected % 3]) dropped++;
        expected++;
      } else ends++;
    },
  });
  const t0 = Date.parse('2026-11-23T08:00:00Z');
  const steps = (cycles * 3 * ITEM_MS) / 250;
  engine.tick([campaign], t0, t0);
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let step = 1; step <= steps; step++) {
    const now = t0 + step * 250;
    engine.tick([campaign], now, now);
  }
  const wallMs = performance.now() - started;
  gc();
  const growthMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const transitions = cycles * 3;
  const results: BenchResult[] = [
    {
      name: 'signage: 10,000 playlist cycles, heap growth',
      metric: 'heap growth',
      value: round(growthMb, 2),
      unit: 'MB',
      target: '≤ 10 MB',
      pass: growthMb <= 10,
      detail: { ticks: steps, wallMs: Math.round(wallMs) },
    },
    {
      name: 'signage: 10,000 playlist cycles, dropped transitions',
      metric: 'dropped',
      value: dropped + Math.abs(transitions + 1 - starts) + Math.abs(starts - 1 - ends),
      unit: 'transitions',
      target: '0',
      pass: dropped === 0 && starts === transitions + 1 && ends === starts - 1,
      detail: { starts, ends },
    },
  ];
  return Promise.resolve(results);
}
