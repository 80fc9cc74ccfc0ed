// A synchronised group of signage players as the tests and the benchmark run
// it: instances of the player's real scheduling code (clock-sync.ts offset
// estimate over real HTTP against a store server's clock route (fleet.time),
// the PlayerEngine, the renderer's playback loop), each with a deliberately
// skewed wall clock, in one Node process. Each item start is stamped on the
// process's monotonic clock, common to all players.
import { apiRoutes, callRoute, type Campaign } from '@vitrine/shared/core';
import { estimateOffset, type Clock } from '../../signage/src/renderer/player/clock-sync';
import { startPlaybackLoop } from '../../signage/src/renderer/player/playback-loop';
import { PlayerEngine } from '../../signage/src/renderer/player/player-engine';

const ticker = (id: string, durationMs: number) => ({
  id,
  kind: 'ticker' as const,
  durationMs,
  text: { fr: id, en: id },
});

const aisleRun: Campaign = {
  v: 1,
  id: 'aisle-run',
  name: 'Aisle run',
  revision: 1,
  layout: {
    id: 'two',
    zones: [
      { id: 'top', x: 0, y: 0, width: 100, height: 50, playlistId: 'a' },
      { id: 'bottom', x: 0, y: 50, width: 100, height: 50, playlistId: 'b' },
    ],
  },
  playlists: [
    { id: 'a', items: [ticker('a1', 1_000), ticker('a2', 1_000)] },
    { id: 'b', items: [ticker('b1', 1_300), ticker('b2', 1_700)] },
  ],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 1,
  shareOfVoice: 1,
  emergency: false,
  syncGroup: 'aisle-1',
};

export type SyncRun = {
  /** Per boundary that every player crossed: latest − earliest start, ms. */
  skews: number[];
  /** |estimated offset − true offset| per player, ms. */
  offsetErrors: number[];
  /** Item ids each player started, in order. */
  sequences: string[][];
};

export async function runSyncGroup(
  serverUrl: string,
  clockSkewsMs: readonly number[],
  runMs: number,
  campaign: Campaign = aisleRun,
): Promise<SyncRun> {
  // A sample the server answers wrongly is skipped (null), as a player skips it.
  const serverTime = () =>
    callRoute({ baseUrl: serverUrl }, apiRoutes.fleet.time, {}, { cache: 'no-store' }).then(
      (answer) => answer.serverTime,
      () => null,
    );
  // (item, scheduled boundary) → start stamps of each player on the common clock.
  const starts = new Map<string, number[]>();
  const offsetErrors: number[] = [];
  const sequences: string[][] = [];
  const stops: (() => void)[] = [];
  // Off while the players join: a join starts an item off any boundary.
  let recording = false;
  try {
    for (const skew of clockSkewsMs) {
      const clock: Clock = { wall: () => Date.now() + skew, mono: () => performance.now() };
      const offset = await estimateOffset(serverTime, clock, 8);
      if (offset === null) throw new Error('no clock sample from the store server');
      // The server's clock is this process's Date.now(): the true offset is −skew.
      offsetErrors.push(Math.abs(offset + skew));
      const sequence: string[] = [];
      sequences.push(sequence);
      let aligned = 0;
      const engine = new PlayerEngine({
        timeZone: () => 'Europe/Paris',
        screen: () => ({ storeId: 'paris-rivoli', groups: [], tags: [] }),
        isPlayable: () => true,
        newPlayId: () => 'sync',
        record: (event) => {
          if (event.phase !== 'start' || !recording) return;
          sequence.push(event.itemId);
          // Items change on 100 ms boundaries of the aligned clock (anchor 0,
          // durations in tenths of a second): the boundary names the scheduled start.
          const key = `${event.itemId}@${Math.floor(aligned / 100)}`;
          starts.set(key, [...(starts.get(key) ?? []), performance.now()]);
        },
      });
      stops.push(
        startPlaybackLoop(() => {
          const now = clock.wall() + offset;
          aligned = now;
          return { frame: engine.tick([campaign], now, clock.mono()), now };
        }),
      );
    }
    recording = true;
    await new Promise((resolve) => setTimeout(resolve, runMs));
  } finally {
    stops.forEach((stop) => stop());
  }
  const skews = [...starts.values()]
    .filter((at) => at.length === clockSkewsMs.length)
    .map((at) => Math.max(...at) - Math.min(...at));
  return { skews, offsetErrors, sequences };
}
